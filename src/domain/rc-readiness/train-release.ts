import { compareNatural } from './issue-keys';
import type { NotesIssue } from './release-notes';
import type { Train } from './train-naming';

/**
 * The train as one production release: the production version's name, which candidates ship, the candidate
 * each shipped issue arrived in, where unfinished work rolls to, and how each candidate stands once the train
 * has shipped (superseded).
 */

export const DEFAULT_PRODUCTION_NAMING = '{release}';

/** Why a production naming is not usable, or undefined. It must contain `{release}` once. */
export function productionNamingProblem(naming: string): string | undefined {
  if (naming.length === 0 || naming.length > 100) return 'The production version name must be 1–100 characters.';
  if (naming.split('{release}').length - 1 !== 1) return 'The production version name must contain {release} exactly once.';
  return undefined;
}

/** The production version's name of a train, e.g. "{release}" → "4.3.0", "v{release}" → "v4.3.0". */
export function productionVersionName(release: string, naming: string = DEFAULT_PRODUCTION_NAMING): string {
  const usable = productionNamingProblem(naming) === undefined ? naming : DEFAULT_PRODUCTION_NAMING;
  return usable.replace('{release}', release.trim()).trim().slice(0, 255);
}

/**
 * The release of the train that follows `release` when unfinished work rolls over: the next train already in the
 * project (natural order) if there is one, else the next minor version ("4.3.0" → "4.4.0", "4.3" → "4.4"), else
 * the name with ".next".
 */
export function nextTrainRelease(release: string, trains: readonly Pick<Train, 'release'>[]): string {
  const later = trains.map((t) => t.release).filter((r) => compareNatural(r, release) > 0).sort(compareNatural);
  if (later[0]) return later[0];
  const m = /^(.*?)(\d+)\.(\d+)(\.\d+)?$/.exec(release.trim());
  if (m) return `${m[1] ?? ''}${m[2]}.${Number(m[3]) + 1}${m[4] ? '.0' : ''}`;
  return `${release.trim()}.next`;
}

/** Where a train's candidate stands on the page. */
export type CandidateStanding =
  | { kind: 'open' }
  /** Not the train's latest candidate: only the latest can be promoted. */
  | { kind: 'older'; latest: string }
  /** This candidate shipped as the production release. */
  | { kind: 'promoted'; productionName: string }
  /** The train shipped from another candidate (or the production version was released in Jira). */
  | { kind: 'superseded'; productionName: string; promotedCandidate?: string; rolledBack?: boolean }
  /** Another candidate of the train is being promoted (or its promotion stopped). */
  | { kind: 'promoting'; promotedCandidate: string };

export type TrainShipment = {
  /** The train's promotion in app storage, when there is one. */
  promotion?: { versionId: string; versionName: string; productionName: string; status: 'in-progress' | 'done' | 'failed' };
  /** The production version as Jira has it, when it exists. */
  productionVersion?: { name: string; released: boolean };
  /**
   * The train was reopened: ops rolled back its production release, promoted from this candidate. While no new
   * promotion has started, this candidate and the earlier ones are superseded and a later one can be promoted.
   */
  rolledBack?: { versionId: string; versionName: string; productionName: string };
};

export function candidateStanding(train: Pick<Train, 'candidates'>, versionId: string, shipment: TrainShipment): CandidateStanding {
  const p = shipment.promotion;
  if (p?.status === 'done') return p.versionId === versionId ? { kind: 'promoted', productionName: p.productionName } : { kind: 'superseded', productionName: p.productionName, promotedCandidate: p.versionName };
  if (p) return p.versionId === versionId ? { kind: 'open' } : { kind: 'promoting', promotedCandidate: p.versionName };
  const rb = shipment.rolledBack;
  if (rb) {
    const n = (id: string) => train.candidates.find((c) => c.version.id === id)?.n;
    const rolledN = n(rb.versionId);
    const own = n(versionId);
    if (versionId === rb.versionId || (rolledN !== undefined && own !== undefined && own <= rolledN))
      return { kind: 'superseded', productionName: rb.productionName, promotedCandidate: rb.versionName, rolledBack: true };
  } else if (shipment.productionVersion?.released) return { kind: 'superseded', productionName: shipment.productionVersion.name };
  const latest = train.candidates[train.candidates.length - 1];
  return latest && latest.version.id !== versionId ? { kind: 'older', latest: latest.version.name } : { kind: 'open' };
}

/** One sentence for a candidate that cannot be promoted, naming the shipped release (or the promotion running). */
export function standingSentence(candidate: string, standing: CandidateStanding): string | undefined {
  switch (standing.kind) {
    case 'superseded':
      if (standing.rolledBack)
        return `${candidate} is superseded: ops rolled back ${standing.productionName}${standing.promotedCandidate ? ` (promoted from ${standing.promotedCandidate})` : ''}, so the train is reopened. Cut a newer candidate and promote it.`;
      return `${candidate} is superseded: the train shipped as ${standing.productionName}${standing.promotedCandidate ? ` (promoted from ${standing.promotedCandidate})` : ''}. It cannot be promoted.`;
    case 'promoted':
      return `${candidate} was promoted: it shipped as ${standing.productionName}.`;
    case 'promoting':
      return `${standing.promotedCandidate} of this train is being promoted (or its promotion stopped). Resume or abandon that promotion on ${standing.promotedCandidate}; only one candidate of a train ships.`;
    case 'older':
      return `${candidate} is not the latest candidate of its train: ${standing.latest} is newer, and only the latest candidate can be promoted.`;
    case 'open':
      return undefined;
  }
}

export type TrainIssue = { key: string; summary: string; type: string; done: boolean; fixVersionIds: readonly string[] };

/**
 * The issues that ship when the train is promoted from `promotedId`: the done issues of the promoted candidate and
 * of the earlier ones, each with the candidate it arrived in (its latest shipping candidate). Issues of later
 * candidates and unfinished issues do not ship.
 */
export function shippingIssues(candidates: ReadonlyArray<{ id: string; name: string; n: number }>, promotedId: string, issues: readonly TrainIssue[]): NotesIssue[] {
  const promoted = candidates.find((c) => c.id === promotedId);
  const shipping = candidates.filter((c) => (promoted ? c.n <= promoted.n : c.id === promotedId));
  const out: NotesIssue[] = [];
  for (const i of issues) {
    if (!i.done) continue;
    const arrived = shipping.filter((c) => i.fixVersionIds.includes(c.id)).at(-1);
    if (arrived) out.push({ key: i.key, summary: i.summary, type: i.type, candidate: arrived.name });
  }
  return out;
}

/** The unfinished issues of the promoted candidate and the earlier ones (they block, or roll over with an override). */
export function unfinishedIssues(candidates: ReadonlyArray<{ id: string; n: number }>, promotedId: string, issues: readonly TrainIssue[]): string[] {
  const promoted = candidates.find((c) => c.id === promotedId);
  const ids = new Set(candidates.filter((c) => (promoted ? c.n <= promoted.n : c.id === promotedId)).map((c) => c.id));
  return issues.filter((i) => !i.done && i.fixVersionIds.some((v) => ids.has(v))).map((i) => i.key);
}
