import { FIELD_LIMITS, OP_LIMITS } from './limits';
import type { RegressionRecord } from './types';

/**
 * Suggests what to regress for a fix: the fix itself, the bug's components, its labels, its linked issues,
 * and the checks similar past bugs were regressed with (weighted up when they failed there, i.e. regressed).
 * Deterministic: same input, same list (ids are a hash of area + title, so two testers starting a cycle from
 * the suggestions at once create the same checks, which the merge then unifies). Deduplicated by area + title,
 * ignoring case and spacing; capped.
 */

export type LinkedIssueLite = { key: string; summary?: string; linkType?: string; components?: string[] };
export type SuggestBug = { key: string; components: string[]; labels: string[]; linkedIssues: LinkedIssueLite[] };
export type PastRegression = { issueKey: string; components: string[]; labels: string[]; record: RegressionRecord };

export type SuggestInput = {
  bug: SuggestBug;
  pastRecords?: PastRegression[];
  /** Default 12, at most the checks a cycle may hold. */
  max?: number;
  /** Process labels that do not name an area. */
  ignoreLabels?: string[];
};

export type SuggestedCheck = { id: string; area: string; title: string; reason: string; score: number };

export const DEFAULT_IGNORED_LABELS = ['found-in-regression', 'repro-confirmed', 'docs-impact', 'no-docs-impact'];

// Bounds on how much input is looked at, so a huge history cannot make the panel slow.
const MAX_PAST_RECORDS = 200;
const MAX_LIST = 100;

const SCORE = { fix: 1000, component: 10, link: 6, label: 4, pastCheck: 1, pastFailedCheck: 3 } as const;

export function suggestChecks(input: SuggestInput): SuggestedCheck[] {
  const max = Math.max(0, Math.min(input.max ?? 12, OP_LIMITS.checksPerCycle));
  const ignored = new Set((input.ignoreLabels ?? DEFAULT_IGNORED_LABELS).map(norm));
  const bug = input.bug;
  const components = uniq(bug.components.slice(0, MAX_LIST));
  const labels = uniq(bug.labels.slice(0, MAX_LIST)).filter((l) => !ignored.has(norm(l)));

  const acc = new Map<string, { area: string; title: string; score: number; reasons: string[] }>();
  const add = (area: string, title: string, score: number, reason: string) => {
    const a = clip(area, FIELD_LIMITS.area);
    const t = clip(title, FIELD_LIMITS.title);
    if (!a || !t) return;
    const key = `${norm(a)}\u0000${norm(t)}`;
    const hit = acc.get(key);
    if (hit) {
      hit.score += score;
      if (!hit.reasons.includes(reason) && hit.reasons.length < 3) hit.reasons.push(reason);
    } else acc.set(key, { area: a, title: t, score, reasons: [reason] });
  };

  add('The fix', `${bug.key} no longer reproduces (follow its repro steps)`, SCORE.fix, 'The fix itself');
  for (const c of components) add(c, `Main flows of ${c} work as before`, SCORE.component, `Component of ${bug.key}`);
  for (const l of labels) add(l, `Scenarios tagged '${l}' still work`, SCORE.label, `Label on ${bug.key}`);
  for (const link of bug.linkedIssues.slice(0, MAX_LIST)) {
    if (link.key === bug.key) continue;
    const area = link.components?.[0] ?? 'Linked issues';
    const what = link.summary ? `${link.key} (${clip(link.summary, 80)})` : link.key;
    add(area, `${what} still works`, SCORE.link, `Linked to ${bug.key}${link.linkType ? ` (${link.linkType})` : ''}`);
  }

  const myComponents = new Set(components.map(norm));
  const myLabels = new Set(labels.map(norm));
  const past = (input.pastRecords ?? []).filter((p) => p.issueKey !== bug.key).slice(0, MAX_PAST_RECORDS);
  for (const p of past) {
    const shared = uniq(p.components.slice(0, MAX_LIST)).filter((c) => myComponents.has(norm(c))).length;
    const sharedLabels = uniq(p.labels.slice(0, MAX_LIST)).filter((l) => myLabels.has(norm(l))).length;
    const similarity = 2 * shared + sharedLabels;
    if (similarity === 0) continue;
    // One vote per distinct check per past bug, however many cycles it appeared in.
    const checks = new Map<string, { area: string; title: string; failed: boolean }>();
    for (const cycle of p.record.cycles) {
      for (const c of cycle.checks) {
        if (norm(c.area) === 'the fix') continue; // that bug's own fix, not an area
        const key = `${norm(c.area)}\u0000${norm(c.title)}`;
        const seen = checks.get(key);
        const failed = c.result === 'failed' || c.reportedBugKey !== undefined;
        if (seen) seen.failed ||= failed;
        else checks.set(key, { area: c.area, title: c.title, failed });
      }
    }
    for (const c of checks.values()) {
      const weight = c.failed ? SCORE.pastFailedCheck : SCORE.pastCheck;
      add(c.area, c.title, similarity * weight, c.failed ? `Regressed for ${p.issueKey} (failed there)` : `Regressed for ${p.issueKey}`);
    }
  }

  return [...acc.values()]
    .sort((a, b) => b.score - a.score || cmp(a.area, b.area) || cmp(a.title, b.title))
    .slice(0, max)
    .map((s) => ({ id: suggestionId(s.area, s.title), area: s.area, title: s.title, reason: s.reasons.join('; '), score: s.score }));
}

/** `sg-` + FNV-1a 32-bit of the normalised area and title: stable, valid as a check id. */
export function suggestionId(area: string, title: string): string {
  const text = `${norm(area)}\u0000${norm(title)}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `sg-${h.toString(16).padStart(8, '0')}`;
}

function norm(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}
function clip(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}
function uniq(list: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of list) {
    const t = s.replace(/\s+/g, ' ').trim();
    if (t && !seen.has(norm(t))) {
      seen.add(norm(t));
      out.push(t);
    }
  }
  return out;
}
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
