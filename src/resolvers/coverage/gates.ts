import type { PromotionConfig } from '../../contracts/rc-promotion';
import { changedAreasGate, developmentGate, type GateResult } from '../../domain/rc-readiness';
import type { JiraGateway } from '../../jira/gateway';
import type { KeyValueStore } from '../../storage/key-value-store';
import type { FoundCandidate } from '../rc-promotion/candidate';
import { developmentState, loadCoverage } from './load';
import { coverageStore, listSuites, loadSettings } from './store';

/** The gates coverage adds to a candidate's readiness, run beside the train search (assessCandidate's `more`). */
export type MoreGates = (found: FoundCandidate) => Promise<GateResult[]>;

const failed = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 300);

export function coverageGates(jira: JiraGateway, kv: KeyValueStore, projectKey: string, config: PromotionConfig): MoreGates {
  return async ({ train, candidate }) => {
    const store = coverageStore(kv);
    const { settings } = await loadSettings(store, projectKey);
    const rc = candidate.version.name;
    const coverage = async (): Promise<GateResult | null> => {
      if (settings.coverageGate === 'off') return null;
      try {
        // The gate looks at the candidate alone: its changed areas and the checks run in it.
        const loaded = await loadCoverage(jira, projectKey, { train, selected: candidate, window: [candidate] }, settings, await listSuites(store, projectKey), config.bugTypes);
        return changedAreasGate(rc, settings.coverageGate, loaded.report.selected.unregressed, loaded.report.selected.changedCount);
      } catch (e) {
        // Fails closed, like an admin gate whose query cannot run.
        return { id: 'changed-areas-regressed', title: `Every area ${rc} changed was regressed in it`, passed: false, evidence: [], detail: `The coverage could not be read (${failed(e)}).`, ...(settings.coverageGate === 'warn' ? { severity: 'warn' as const } : {}) };
      }
    };
    const development = async () => (settings.developmentGate === 'off' ? null : developmentGate(rc, settings.developmentGate, await developmentState(jira, projectKey, candidate.version.id)));
    const gates = await Promise.all([coverage(), development()]);
    return gates.filter((g): g is GateResult => g !== null);
  };
}
