/** The release-train loop as a picture: the stages in order, the project's statuses under each, and every legal move. */
import { token } from '@atlaskit/tokens';
import { defaultLegalMoves, legalMovesFor, stageLabels, stageOwners, stages, type LegalMove, type Stage } from '../../../src/domain/bug-flow';

const W = 132;
const GAP = 28;
const BOX_H = 56;
const TOP = 70;
/** SVG paints from design tokens (as styles: a presentation attribute cannot hold var()). */
const paint = {
  arrow: token('color.icon.subtle'),
  owner: token('color.text.subtle'),
  name: token('color.text'),
  statuses: token('color.text.subtle'),
  box: token('color.background.information'),
  boxQa: token('color.background.discovery'),
  boxDone: token('color.background.success'),
  boxBorder: token('color.border.information'),
  advance: token('color.border.brand'),
  back: token('color.border.danger'),
  backLabel: token('color.text.danger'),
  halo: token('elevation.surface'),
};
const x = (s: Stage) => 10 + stages.indexOf(s) * (W + GAP);

function arc(m: LegalMove, i: number): { d: string; labelX: number; labelY: number } {
  const a = x(m.from) + W / 2;
  const b = x(m.to) + W / 2;
  if (stages.indexOf(m.to) === stages.indexOf(m.from) + 1) {
    const y = TOP + BOX_H / 2;
    return { d: `M ${x(m.from) + W} ${y} L ${x(m.to) - 4} ${y}`, labelX: (x(m.from) + W + x(m.to)) / 2, labelY: y - 6 };
  }
  // Moves back (and the reopen) run as arcs below the boxes, deeper the longer they are.
  const depth = 30 + Math.abs(stages.indexOf(m.to) - stages.indexOf(m.from)) * 20 + (i % 2) * 6;
  const y0 = TOP + BOX_H;
  return { d: `M ${a - 10} ${y0} C ${a - 10} ${y0 + depth}, ${b + 10} ${y0 + depth}, ${b + 10} ${y0 + 4}`, labelX: (a + b) / 2, labelY: y0 + depth * 0.75 + 4 };
}

export function LoopPicture({ statusesByStage, allowDoneToDev = false }: { statusesByStage: Partial<Record<Stage, string[]>>; allowDoneToDev?: boolean }) {
  const moves = allowDoneToDev ? legalMovesFor({ allowDoneToDev: true }) : defaultLegalMoves;
  const width = 10 + stages.length * (W + GAP);
  const height = TOP + BOX_H + 115;
  const described = moves.map((m) => `${stageLabels[m.from]} to ${stageLabels[m.to]} (${m.reason.replace(/-/g, ' ')}, by ${m.by})`).join('; ');
  return (
    <figure className="rt-loop">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`The release-train loop. Legal moves: ${described}.`} style={{ width: '100%', maxWidth: width }}>
        <defs>
          <marker id="rt-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" style={{ fill: paint.arrow }} />
          </marker>
        </defs>
        {stages.map((s) => (
          <g key={s} data-stage={s}>
            <text x={x(s) + W / 2} y={TOP - 26} textAnchor="middle" fontSize="11" style={{ fill: paint.owner }}>
              {stageOwners[s]}
            </text>
            <rect x={x(s)} y={TOP} width={W} height={BOX_H} rx="8" style={{ fill: s === 'DONE' ? paint.boxDone : s === 'QA' ? paint.boxQa : paint.box, stroke: paint.boxBorder }} />
            <text x={x(s) + W / 2} y={TOP + 22} textAnchor="middle" fontSize="13" fontWeight="600" style={{ fill: paint.name }}>
              {stageLabels[s]}
            </text>
            <text x={x(s) + W / 2} y={TOP + 40} textAnchor="middle" fontSize="11" style={{ fill: paint.statuses }}>
              {(statusesByStage[s] ?? []).join(', ').slice(0, 24) || 'no status'}
            </text>
          </g>
        ))}
        {moves.map((m, i) => {
          const { d, labelX, labelY } = arc(m, i);
          return (
            <g key={`${m.from}-${m.to}`} data-move={`${m.from}->${m.to}`}>
              <path d={d} fill="none" style={{ stroke: m.kind === 'advance' ? paint.advance : paint.back }} strokeWidth="1.6" strokeDasharray={m.kind === 'advance' ? undefined : '5 3'} markerEnd="url(#rt-arrow)" />
              {m.kind !== 'advance' ? (
                <text x={labelX} y={labelY} textAnchor="middle" fontSize="10" style={{ fill: paint.backLabel, stroke: paint.halo }} strokeWidth="3" paintOrder="stroke">
                  {m.reason.replace(/-/g, ' ')}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="rt-muted">Blue: the way forward. Red, dashed: sending a bug back. A bug reaches QA only after an RTE review following its latest Dev stage.</figcaption>
    </figure>
  );
}
