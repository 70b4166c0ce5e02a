/**
 * RANKING FORMULA (higher score = planned earlier)
 *
 *   score = priority + severity + age + customer impact + found in regression + carry-over
 *
 *   priority         Highest +40, High +30, Medium +20, Low +10, Lowest +0; an unknown or missing name counts as Medium
 *   severity         S1 / Critical / Blocker +30, S2 / Major +20, S3 / Minor +10, S4 / Trivial +0, none +0
 *   age              +1 per full week open, at most +20
 *   customer impact  +5 per linked support ticket (or point of the impact field), at most +25
 *   regression       +25 when QA found the bug in regression (a release candidate is waiting on it)
 *   carry-over       +5 per sprint the bug has already been carried over, at most +20
 *
 * Ties: older bug first, then issue key in natural order (ABC-2 before ABC-10), so the ranking is stable.
 * A planner's manual order wins: the keys in `override` come first, in that order, then the rest by score.
 *
 * Why these weights: priority and severity are the planner's and the reporter's judgement and dominate; a
 * regression-found bug blocks a release, so it outranks a priority step and a half; age, customer impact and
 * carry-over are capped so that a pile of old or loud low-priority bugs cannot outrank a Highest one alone.
 */
import { DAY_MS, toTime } from './dates';
import type { PlanBug } from './types';

export type RankWeights = {
  priority: Readonly<Record<'Highest' | 'High' | 'Medium' | 'Low' | 'Lowest', number>>;
  /** By severity level 1 (most severe) .. 4. */
  severity: Readonly<Record<1 | 2 | 3 | 4, number>>;
  agePerWeek: number;
  ageMax: number;
  customerImpactEach: number;
  customerImpactMax: number;
  foundInRegression: number;
  carryOverEach: number;
  carryOverMax: number;
};

export const rankWeights: RankWeights = Object.freeze({
  priority: Object.freeze({ Highest: 40, High: 30, Medium: 20, Low: 10, Lowest: 0 }),
  severity: Object.freeze({ 1: 30, 2: 20, 3: 10, 4: 0 }),
  agePerWeek: 1,
  ageMax: 20,
  customerImpactEach: 5,
  customerImpactMax: 25,
  foundInRegression: 25,
  carryOverEach: 5,
  carryOverMax: 20,
});

export type RankedBug = {
  key: string;
  score: number;
  /** One readable line per part of the score, e.g. "Highest priority +40", "Carried over 3 sprints +15". */
  reasons: string[];
  /** 1-based position after overrides. */
  rank: number;
  /** True when the planner's manual order placed it. */
  overridden: boolean;
};

const severityWords: Readonly<Record<string, 1 | 2 | 3 | 4>> = {
  blocker: 1,
  critical: 1,
  highest: 1,
  major: 2,
  high: 2,
  moderate: 3,
  minor: 3,
  medium: 3,
  trivial: 4,
  low: 4,
  cosmetic: 4,
};

/** 1 (most severe) .. 4, or undefined: "S1", "Sev 2", "severity-3", "1 - Critical", "Major", "critical". */
export function severityLevel(severity: string | undefined): 1 | 2 | 3 | 4 | undefined {
  if (typeof severity !== 'string') return undefined;
  const text = severity.trim().toLowerCase();
  if (text === '') return undefined;
  const numbered = /^(?:s|sev|severity)?[\s\-_:]*([1-4])\b/.exec(text);
  if (numbered?.[1]) return Number(numbered[1]) as 1 | 2 | 3 | 4;
  for (const word of text.split(/[^a-z]+/)) {
    const level = severityWords[word];
    if (level !== undefined) return level;
  }
  return undefined;
}

/**
 * How many times an open bug has been carried over: the distinct sprints in its history that it is no longer in
 * (it left each one unfinished). When the closed sprint ids are known, only closed sprints count, so removing a
 * bug from a future sprint before it starts is not a carry-over.
 */
export function carryOverCount(bug: Pick<PlanBug, 'sprintHistory' | 'currentSprintId'>, closedSprintIds?: ReadonlySet<number>): number {
  const history = Array.isArray(bug.sprintHistory) ? bug.sprintHistory : [];
  // Histories are short: a quadratic distinct check avoids allocating a Set per bug when ranking thousands.
  let count = 0;
  for (let i = 0; i < history.length; i += 1) {
    const id = history[i];
    if (typeof id !== 'number' || !Number.isFinite(id) || id === bug.currentSprintId) continue;
    if (closedSprintIds && !closedSprintIds.has(id)) continue;
    if (history.indexOf(id) !== i) continue;
    count += 1;
  }
  return count;
}

type PriorityName = keyof RankWeights['priority'];
const isPriorityName = (p: unknown): p is PriorityName => p === 'Highest' || p === 'High' || p === 'Medium' || p === 'Low' || p === 'Lowest';

const plus = (n: number): string => (n >= 0 ? `+${n}` : `${n}`);
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export type ScoreOptions = {
  /** Age is measured to this time (ISO or epoch ms). */
  now: string | number;
  closedSprintIds?: ReadonlySet<number>;
  weights?: RankWeights;
};

/** The score of one bug and its reasons. Only the priority reason is always present; other parts appear when non-zero. */
export function scoreBug(bug: PlanBug, options: ScoreOptions): { score: number; reasons: string[] } {
  const now = typeof options.now === 'number' ? options.now : toTime(options.now);
  const reasons: string[] = [];
  const score = scoreParts(bug, now, toTime(bug.createdAt), options.closedSprintIds, options.weights ?? rankWeights, reasons);
  return { score, reasons };
}

const severityCache = new Map<string, 1 | 2 | 3 | 4 | undefined>();
function cachedSeverityLevel(severity: string | undefined): 1 | 2 | 3 | 4 | undefined {
  if (typeof severity !== 'string') return undefined;
  if (severityCache.has(severity)) return severityCache.get(severity);
  const level = severityLevel(severity);
  if (severityCache.size < 1000) severityCache.set(severity, level);
  return level;
}

// Hot path when ranking thousands of bugs: no closures or Sets per bug, dates parsed once by the caller.
// With `reasons` null only the number is computed (auto-plan needs no text for thousands of candidates).
function scoreParts(bug: PlanBug, now: number, created: number, closedSprintIds: ReadonlySet<number> | undefined, w: RankWeights, reasons: string[] | null): number {
  let score = 0;
  let points: number;

  if (isPriorityName(bug.priority)) {
    points = w.priority[bug.priority];
    reasons?.push(`${bug.priority} priority ${plus(points)}`);
  } else {
    points = w.priority.Medium;
    if (reasons) {
      const shown = typeof bug.priority === 'string' && bug.priority.trim() !== '' ? `Priority '${bug.priority}' is not a Jira default, ranked as Medium` : 'No priority, ranked as Medium';
      reasons.push(`${shown} ${plus(points)}`);
    }
  }
  score += points;

  const level = cachedSeverityLevel(bug.severity);
  if (level !== undefined && w.severity[level] !== 0) {
    points = w.severity[level];
    score += points;
    reasons?.push(`Severity ${bug.severity?.trim() ?? ''} ${plus(points)}`);
  }

  if (Number.isFinite(created) && Number.isFinite(now) && now > created) {
    const weeks = Math.floor((now - created) / (7 * DAY_MS));
    points = Math.min(w.ageMax, weeks * w.agePerWeek);
    if (points > 0) {
      score += points;
      reasons?.push(`Open ${plural(weeks, 'week', 'weeks')}${weeks * w.agePerWeek > w.ageMax ? ' (capped)' : ''} ${plus(points)}`);
    }
  }

  const impact = typeof bug.customerImpact === 'number' && Number.isFinite(bug.customerImpact) && bug.customerImpact > 0 ? Math.floor(bug.customerImpact) : 0;
  if (impact > 0) {
    points = Math.min(w.customerImpactMax, impact * w.customerImpactEach);
    score += points;
    reasons?.push(`${plural(impact, 'customer ticket', 'customer tickets')}${impact * w.customerImpactEach > w.customerImpactMax ? ' (capped)' : ''} ${plus(points)}`);
  }

  if (bug.foundInRegression === true) {
    score += w.foundInRegression;
    reasons?.push(`Found in regression ${plus(w.foundInRegression)}`);
  }

  const carried = carryOverCount(bug, closedSprintIds);
  if (carried > 0) {
    points = Math.min(w.carryOverMax, carried * w.carryOverEach);
    score += points;
    reasons?.push(`Carried over ${plural(carried, 'sprint', 'sprints')}${carried * w.carryOverEach > w.carryOverMax ? ' (capped)' : ''} ${plus(points)}`);
  }
  return score;
}

/** Natural order of issue keys: ABC-2 before ABC-10; different projects alphabetically. */
export function compareKeys(a: string, b: string): number {
  const ma = /^(.*?)-(\d+)$/.exec(a);
  const mb = /^(.*?)-(\d+)$/.exec(b);
  if (ma && mb && ma[1] === mb[1]) return Number(ma[2]) - Number(mb[2]);
  return a < b ? -1 : a > b ? 1 : 0;
}

export type RankOptions = ScoreOptions & {
  /** The planner's explicit order of keys; they come first, in this order. Unknown and repeated keys are ignored. */
  override?: readonly string[];
};

/**
 * Ranks bugs, best first. O(n log n): each bug is scored once, then sorted on the precomputed numbers.
 * Bugs are ranked as given; filter out done bugs first if they should not appear.
 */
export function rankBugs(bugs: readonly PlanBug[], options: RankOptions): RankedBug[] {
  const entries = rankEntries(bugs, options, true);
  const ranked: RankedBug[] = new Array<RankedBug>(entries.length);
  for (let i = 0; i < entries.length; i += 1) {
    const e = entries[i] as RankEntry;
    const overridden = e.overrideAt >= 0;
    const reasons = e.reasons ?? [];
    ranked[i] = { key: e.bug.key, score: e.score, reasons: overridden ? [`Placed at position ${i + 1} by the planner`, ...reasons] : reasons, rank: i + 1, overridden };
  }
  return ranked;
}

/** A ranked bug for internal use: the bug itself, its score and (when asked) its reasons. */
export type RankEntry = { bug: PlanBug; score: number; reasons: string[] | null; created: number; overrideAt: number };

/** The ranking itself, in order; `withReasons: false` skips building the text (auto-plan's hot path). */
export function rankEntries(bugs: readonly PlanBug[], options: RankOptions, withReasons: boolean): RankEntry[] {
  const overrideAt = new Map<string, number>();
  (options.override ?? []).forEach((key, i) => {
    if (typeof key === 'string' && !overrideAt.has(key)) overrideAt.set(key, i);
  });
  const now = typeof options.now === 'number' ? options.now : toTime(options.now);
  const weights = options.weights ?? rankWeights;
  const entries: RankEntry[] = new Array<RankEntry>(bugs.length);
  for (let i = 0; i < bugs.length; i += 1) {
    const bug = bugs[i] as PlanBug;
    const created = toTime(bug.createdAt);
    const reasons = withReasons ? [] : null;
    const score = scoreParts(bug, now, created, options.closedSprintIds, weights, reasons);
    entries[i] = { bug, score, reasons, created: Number.isFinite(created) ? created : Number.POSITIVE_INFINITY, overrideAt: overrideAt.size > 0 ? (overrideAt.get(bug.key) ?? -1) : -1 };
  }
  entries.sort(compareEntries);
  return entries;
}

function compareEntries(a: RankEntry, b: RankEntry): number {
  const ao = a.overrideAt >= 0;
  const bo = b.overrideAt >= 0;
  if (ao || bo) return ao && bo ? a.overrideAt - b.overrideAt : ao ? -1 : 1;
  if (a.score !== b.score) return b.score - a.score;
  if (a.created !== b.created) return a.created < b.created ? -1 : 1;
  return compareKeys(a.bug.key, b.bug.key);
}
