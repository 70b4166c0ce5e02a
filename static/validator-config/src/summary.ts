import type { ValidatorConfig } from '@rt/contracts';
import type { ValidatorKind } from '../../../src/domain/validators/kinds';
import type { FlagSource } from '../../../src/domain/validators/kinds';

const flag = (f: FlagSource) => (f.source === 'label' ? `label ${f.labels.join('/')}` : (f.fieldName ?? f.fieldId));
const types = (t: string[]) => (t.length === 0 ? 'every issue type' : t.join(', '));

/** One line for the workflow editor's view of a configured rule. */
export function summarise(kind: ValidatorKind, config: ValidatorConfig): string {
  const policy = config.onJiraError === 'block' ? 'blocks when Jira cannot be read' : 'allows and records when Jira cannot be read';
  switch (kind) {
    case 'repro-steps-clear': {
      const c = config as ValidatorConfig<'repro-steps-clear'>;
      const source = c.field.source === 'description' ? 'the description' : `${c.field.fieldName ?? c.field.fieldId}${c.field.fallbackToDescription ? ' (or the description)' : ''}`;
      return `Score ≥ ${c.minimumScore} with ${c.requiredParts.join(', ') || 'no required parts'} in ${source}; ${types(c.issueTypes)}; ${policy}.`;
    }
    case 'follows-loop': {
      const c = config as ValidatorConfig<'follows-loop'>;
      return `L2 → RTE triage → Dev → RTE review → QA → Done${c.allowDoneToDev ? ' (Done → Dev allowed)' : ''}; ${types(c.issueTypes)}; ${policy}.`;
    }
    case 'rte-review-complete': {
      const c = config as ValidatorConfig<'rte-review-complete'>;
      return `On the move to QA: fix version /${c.rcPattern}/, documentation impact (${flag(c.documentationImpact)}), repro confirmed (${flag(c.reproConfirmed)})${c.requireRteReviewInHistory ? ', RTE review in the history' : ''}; ${policy}.`;
    }
    case 'regression-clean': {
      const c = config as ValidatorConfig<'regression-clean'>;
      return `On a move into Done: the regression of the bug's current release candidate (/${c.rcPattern}/) passed; ${types(c.issueTypes)}; ${policy}.`;
    }
    case 'regression-bug-linked': {
      const c = config as ValidatorConfig<'regression-bug-linked'>;
      return `Bugs labelled ${c.regressionLabel}: a '${c.link.typeName}' link${c.requireRcInAffectsVersions ? ` and an RC in Affects versions (/${c.rcPattern}/)` : ''}${c.onlyFirstTransition ? ', on create and first move' : ''}; ${policy}.`;
    }
  }
}
