import { suggestionId } from '../regression/suggest-checks';
import type { RegressionRecord } from '../regression/types';
import { areaKey } from './areas';
import type { AreaSuite } from './types';

/**
 * The check library: every check QA has run before (but the checks of one fix itself), per area, with its failure history, gathered from the area
 * suites and the bugs' focused checklists. Same area and title (case and spacing ignored) are one library check.
 * QA pulls library checks into a bug's checklist or into an area regression; the id is derived from area and
 * title, so pulling the same check twice (or two testers at once) adds it once.
 */
export type LibraryCheck = {
  id: string;
  area: string;
  title: string;
  /** Results recorded (passed, failed or blocked), over every cycle seen. */
  runs: number;
  failures: number;
  /** Candidates in which it failed, oldest first. */
  failedIn: string[];
  lastResult?: 'passed' | 'failed' | 'blocked';
  lastRc?: string;
  /** Where it was run: area suites ("suite") and bugs (their keys), at most 5. */
  sources: string[];
};

export type LibrarySource = { suites: readonly AreaSuite[]; bugRecords: ReadonlyArray<{ key: string; record: RegressionRecord }> };

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The area of the check that a fix itself works ("RT-80 no longer reproduces", see regression/suggest-checks):
 * it belongs to one bug, so it is neither reusable in another checklist nor an area to run a regression of.
 */
const FIX_FOCUSED_AREA = 'the fix';

/** Same id as the panel's suggestion of that area and title, so a pulled check and a suggested one are one check. */
export const libraryCheckId = suggestionId;

export function buildLibrary(source: LibrarySource, limit = 500): LibraryCheck[] {
  const byKey = new Map<string, LibraryCheck & { lastAt: number }>();
  const visit = (record: RegressionRecord, from: string) => {
    for (const cycle of record.cycles) {
      for (const c of cycle.checks) {
        if (areaKey(c.area) === FIX_FOCUSED_AREA) continue;
        const k = `${areaKey(c.area)}\u0000${norm(c.title)}`;
        let entry = byKey.get(k);
        if (!entry) {
          entry = { id: libraryCheckId(c.area, c.title), area: c.area, title: c.title, runs: 0, failures: 0, failedIn: [], sources: [], lastAt: -Infinity };
          byKey.set(k, entry);
        }
        if (!entry.sources.includes(from) && entry.sources.length < 5) entry.sources.push(from);
        if (c.result === 'not-run') continue;
        entry.runs++;
        if (c.result === 'failed') {
          entry.failures++;
          if (!entry.failedIn.includes(cycle.rc)) entry.failedIn.push(cycle.rc);
        }
        const t = Date.parse(c.at ?? c.updatedAt);
        if (t >= entry.lastAt) {
          entry.lastAt = t;
          entry.lastResult = c.result;
          entry.lastRc = cycle.rc;
        }
      }
    }
  };
  for (const s of source.suites) visit(s.record, 'suite');
  for (const b of source.bugRecords) visit(b.record, b.key);
  return [...byKey.values()]
    .map(({ lastAt: _t, ...rest }) => rest)
    .sort((a, b) => a.area.localeCompare(b.area) || b.failures - a.failures || a.title.localeCompare(b.title))
    .slice(0, limit);
}
