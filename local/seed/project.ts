/** Jira configuration of the demo site: statuses, workflows, fields, link types, projects. */
import type { EmuField, EmuIssueType, EmuLinkType, EmuPriority, EmuProject, EmuResolution, EmuStatus, EmuTransition, EmuValidatorRef, EmuWorkflow } from '../emulator/state';
import { DOC_IMPACT_FIELD_ID, REPRO_CONFIRMED_FIELD_ID, REPRO_STEPS_FIELD_ID, SEVERITY_FIELD_ID, SPRINT_FIELD_ID, STORY_POINTS_FIELD_ID } from '../emulator/state';
import { people, ROLE, rtRoleMembers } from './users';

export const ISSUE_TYPE = { STORY: '10001', TASK: '10002', BUG: '10004' } as const;
export const STATUS = { OPEN: '10001', TRIAGE: '10002', IN_PROGRESS: '10003', RTE_REVIEW: '10004', IN_QA: '10005', DONE: '10006', TO_DO: '10007' } as const;
export const PRIORITY = { HIGHEST: '1', HIGH: '2', MEDIUM: '3', LOW: '4', LOWEST: '5' } as const;
export const RESOLUTION = { DONE: '10000', WONT_DO: '10001', DUPLICATE: '10002', CANNOT_REPRODUCE: '10003' } as const;
export const PROJECT = { RT: '10000', OPS: '10001', SUP: '10002' } as const;
export const LINK_TYPE = { BLOCKS: '10000', CLONERS: '10001', DUPLICATE: '10002', RELATES: '10003' } as const;
/** RT workflow transition ids (global transitions: one per target status). */
export const RT_TRANSITION = { OPEN: '11', TRIAGE: '21', IN_PROGRESS: '31', RTE_REVIEW: '41', IN_QA: '51', DONE: '61' } as const;
export const SIMPLE_TRANSITION = { TO_DO: '11', IN_PROGRESS: '21', DONE: '31' } as const;
export const OPTION = { SEVERITY: { Critical: '10050', Major: '10051', Moderate: '10052', Minor: '10053' }, DOC_IMPACT: { Yes: '10060', No: '10061' }, REPRO_CONFIRMED: { Yes: '10070' } } as const;
export const COMPONENT_NAMES = ['Checkout', 'Search', 'Accounts', 'Payments', 'Mobile', 'API'] as const;
export type ComponentName = (typeof COMPONENT_NAMES)[number];

export function seedIssueTypes(): EmuIssueType[] {
  return [
    { id: ISSUE_TYPE.STORY, name: 'Story', description: 'Functionality or a feature expressed as a user goal.', subtask: false, hierarchyLevel: 0 },
    { id: ISSUE_TYPE.TASK, name: 'Task', description: 'A small, distinct piece of work.', subtask: false, hierarchyLevel: 0 },
    { id: ISSUE_TYPE.BUG, name: 'Bug', description: 'A problem or error.', subtask: false, hierarchyLevel: 0 },
  ];
}

export function seedStatuses(): EmuStatus[] {
  return [
    { id: STATUS.OPEN, name: 'Open', description: 'Filed; L2 is completing the report.', category: 'new' },
    { id: STATUS.TRIAGE, name: 'Triage', description: 'The RTE accepts and plans the bug.', category: 'new' },
    { id: STATUS.IN_PROGRESS, name: 'In Progress', description: 'Being fixed.', category: 'indeterminate' },
    { id: STATUS.RTE_REVIEW, name: 'RTE Review', description: 'The RTE reviews the fix (correctness, documentation).', category: 'indeterminate' },
    { id: STATUS.IN_QA, name: 'In QA', description: 'Focused regression.', category: 'indeterminate' },
    { id: STATUS.DONE, name: 'Done', description: 'Fixed and verified.', category: 'done' },
    { id: STATUS.TO_DO, name: 'To Do', description: 'Not started.', category: 'new' },
  ];
}

export function seedPriorities(): EmuPriority[] {
  return [
    { id: PRIORITY.HIGHEST, name: 'Highest' },
    { id: PRIORITY.HIGH, name: 'High' },
    { id: PRIORITY.MEDIUM, name: 'Medium' },
    { id: PRIORITY.LOW, name: 'Low' },
    { id: PRIORITY.LOWEST, name: 'Lowest' },
  ];
}

export function seedResolutions(): EmuResolution[] {
  return [
    { id: RESOLUTION.DONE, name: 'Done', description: 'Work has been completed on this issue.' },
    { id: RESOLUTION.WONT_DO, name: "Won't Do", description: 'This issue won\u2019t be actioned.' },
    { id: RESOLUTION.DUPLICATE, name: 'Duplicate', description: 'The problem is a duplicate of an existing issue.' },
    { id: RESOLUTION.CANNOT_REPRODUCE, name: 'Cannot Reproduce', description: 'This issue could not be reproduced.' },
  ];
}

export function seedLinkTypes(): EmuLinkType[] {
  return [
    { id: LINK_TYPE.BLOCKS, name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
    { id: LINK_TYPE.CLONERS, name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
    { id: LINK_TYPE.DUPLICATE, name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
    { id: LINK_TYPE.RELATES, name: 'Relates', inward: 'relates to', outward: 'relates to' },
  ];
}

const sys = (id: string, name: string, type: string, extra: Partial<EmuField> = {}): EmuField => ({
  id,
  key: id,
  name,
  custom: false,
  navigable: true,
  searchable: true,
  orderable: true,
  clauseNames: [id],
  schema: { type, system: id },
  ...extra,
});
const custom = (id: string, name: string, schema: EmuField['schema'], options?: Record<string, string>): EmuField => {
  const n = Number(id.replace('customfield_', ''));
  return {
    id,
    key: id,
    name,
    custom: true,
    navigable: true,
    searchable: true,
    orderable: true,
    clauseNames: [`cf[${n}]`, name],
    schema: { ...schema!, customId: n },
    ...(options ? { options: Object.entries(options).map(([value, optionId]) => ({ id: optionId, value })) } : {}),
  };
};

/** The forge app's object field type id as Jira reports it for a Forge custom field. */
export const REPRO_FIELD_TYPE = 'ari:cloud:ecosystem::extension/00000000-0000-4000-8000-000000000000/local/static/repro-steps-field';

export function seedFields(): EmuField[] {
  return [
    sys('summary', 'Summary', 'string'),
    sys('description', 'Description', 'string'),
    sys('issuetype', 'Issue Type', 'issuetype', { clauseNames: ['issuetype', 'type'] }),
    sys('project', 'Project', 'project'),
    sys('status', 'Status', 'status', { orderable: false }),
    sys('statusCategory', 'Status Category', 'statusCategory', { orderable: false, navigable: false }),
    sys('priority', 'Priority', 'priority'),
    sys('resolution', 'Resolution', 'resolution'),
    sys('resolutiondate', 'Resolved', 'datetime', { clauseNames: ['resolutiondate', 'resolved'], orderable: false }),
    sys('assignee', 'Assignee', 'user'),
    sys('reporter', 'Reporter', 'user'),
    sys('creator', 'Creator', 'user', { orderable: false }),
    sys('labels', 'Labels', 'array', { schema: { type: 'array', items: 'string', system: 'labels' } }),
    sys('components', 'Components', 'array', { clauseNames: ['component'], schema: { type: 'array', items: 'component', system: 'components' } }),
    sys('fixVersions', 'Fix versions', 'array', { clauseNames: ['fixVersion'], schema: { type: 'array', items: 'version', system: 'fixVersions' } }),
    sys('versions', 'Affects versions', 'array', { clauseNames: ['affectedVersion'], schema: { type: 'array', items: 'version', system: 'versions' } }),
    sys('created', 'Created', 'datetime', { clauseNames: ['created', 'createdDate'], orderable: false }),
    sys('updated', 'Updated', 'datetime', { clauseNames: ['updated', 'updatedDate'], orderable: false }),
    sys('issuelinks', 'Linked Issues', 'array', { clauseNames: ['issueLink'], schema: { type: 'array', items: 'issuelinks', system: 'issuelinks' } }),
    sys('statuscategorychangedate', 'Status Category Changed', 'datetime', { orderable: false }),
    sys('environment', 'Environment', 'string'),
    sys('duedate', 'Due date', 'date', { clauseNames: ['duedate', 'due'] }),
    custom(SPRINT_FIELD_ID, 'Sprint', { type: 'array', items: 'json', custom: 'com.pyxis.greenhopper.jira:gh-sprint' }),
    custom(STORY_POINTS_FIELD_ID, 'Story point estimate', { type: 'number', custom: 'com.pyxis.greenhopper.jira:jsw-story-points' }),
    custom(SEVERITY_FIELD_ID, 'Severity', { type: 'option', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:select' }, OPTION.SEVERITY),
    custom(REPRO_STEPS_FIELD_ID, 'Reproduction steps', { type: 'any', custom: REPRO_FIELD_TYPE }),
    custom(DOC_IMPACT_FIELD_ID, 'Documentation impact', { type: 'option', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:select' }, OPTION.DOC_IMPACT),
    custom(REPRO_CONFIRMED_FIELD_ID, 'Repro steps confirmed', { type: 'option', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:select' }, OPTION.REPRO_CONFIRMED),
  ];
}

const v = (key: string, configuration: Record<string, unknown> = {}): EmuValidatorRef => ({ key, configuration: JSON.stringify({ version: 1, ...configuration }) });
/** Demo configurations (what the validators' configuration UI saves; defaults fill the rest). */
const demoConfig = {
  reproSteps: { field: { source: 'field', fieldId: REPRO_STEPS_FIELD_ID, fieldName: 'Reproduction steps', fallbackToDescription: true } },
  rteReview: {
    documentationImpact: { source: 'field', fieldId: DOC_IMPACT_FIELD_ID, fieldName: 'Documentation impact' },
    reproConfirmed: { source: 'field', fieldId: REPRO_CONFIRMED_FIELD_ID, fieldName: 'Repro steps confirmed' },
  },
};
/**
 * The validators the local server runs on each RT transition (the lead's wiring may change these lists), in the
 * shape of issue 17 (one invocation per transition): who may make the move (a Jira expression with the acting user;
 * the rules are a project property), then ONE function validator whose configuration chooses the rules:
 * the loop on every move; clear repro steps when a bug leaves L2 (into Triage); the RTE review on the move to QA;
 * a clean regression of the bug's current candidate on the move to Done; the regression link on every move (it
 * only checks bugs labelled found-in-regression, on their first move, and reads their history only then).
 */
export function rtTransitionRules(toStatusId: string): Record<string, Record<string, unknown>> {
  const rules: Record<string, Record<string, unknown>> = {};
  if (toStatusId === STATUS.TRIAGE) rules['repro-steps-clear'] = demoConfig.reproSteps;
  rules['follows-loop'] = {};
  if (toStatusId === STATUS.IN_QA) rules['rte-review-complete'] = demoConfig.rteReview;
  if (toStatusId === STATUS.DONE) rules['regression-clean'] = {};
  rules['regression-bug-linked'] = {};
  return rules;
}

function rtValidators(toStatusId: string): EmuValidatorRef[] {
  return [v('move-rules-validator'), v('transition-rules-validator', { rules: rtTransitionRules(toStatusId) })];
}

export function seedWorkflows(): EmuWorkflow[] {
  const rt: Array<[string, string]> = [
    [RT_TRANSITION.OPEN, STATUS.OPEN],
    [RT_TRANSITION.TRIAGE, STATUS.TRIAGE],
    [RT_TRANSITION.IN_PROGRESS, STATUS.IN_PROGRESS],
    [RT_TRANSITION.RTE_REVIEW, STATUS.RTE_REVIEW],
    [RT_TRANSITION.IN_QA, STATUS.IN_QA],
    [RT_TRANSITION.DONE, STATUS.DONE],
  ];
  const names: Record<string, string> = { [STATUS.OPEN]: 'Open', [STATUS.TRIAGE]: 'Triage', [STATUS.IN_PROGRESS]: 'In Progress', [STATUS.RTE_REVIEW]: 'RTE Review', [STATUS.IN_QA]: 'In QA', [STATUS.DONE]: 'Done', [STATUS.TO_DO]: 'To Do' };
  const transitions: EmuTransition[] = rt.map(([id, to]) => ({ id, name: names[to]!, toStatusId: to, fromStatusIds: [], validators: rtValidators(to) }));
  const simple: EmuTransition[] = [
    [SIMPLE_TRANSITION.TO_DO, STATUS.TO_DO],
    [SIMPLE_TRANSITION.IN_PROGRESS, STATUS.IN_PROGRESS],
    [SIMPLE_TRANSITION.DONE, STATUS.DONE],
  ].map(([id, to]) => ({ id: id!, name: names[to!]!, toStatusId: to!, fromStatusIds: [], validators: [] }));
  return [
    {
      name: 'Release Train bug loop',
      projectKeys: ['RT'],
      statusIds: rt.map(([, s]) => s),
      // No validators on create by default: a regression bug's link is added right after it is created.
      initial: { id: '1', name: 'Create', toStatusId: STATUS.OPEN, fromStatusIds: [], validators: [] },
      transitions,
    },
    {
      name: 'Simple workflow',
      projectKeys: ['OPS', 'SUP'],
      statusIds: [STATUS.TO_DO, STATUS.IN_PROGRESS, STATUS.DONE],
      initial: { id: '1', name: 'Create', toStatusId: STATUS.TO_DO, fromStatusIds: [], validators: [] },
      transitions: simple,
    },
  ];
}

export function seedProjects(): EmuProject[] {
  const rte = people.rte.map((u) => u.accountId);
  return [
    {
      id: PROJECT.RT,
      key: 'RT',
      name: 'Release Train Demo',
      description: 'The product team\u2019s bugs, stories and tasks, run through the release train loop L2 \u2192 RTE \u2192 Dev \u2192 RTE \u2192 QA.',
      leadAccountId: people.rte[0]!.accountId,
      issueTypeIds: [ISSUE_TYPE.BUG, ISSUE_TYPE.STORY, ISSUE_TYPE.TASK],
      components: COMPONENT_NAMES.map((name, i) => ({ id: String(10100 + i), name, description: `${name} area` })),
      roleMembers: rtRoleMembers(),
    },
    {
      id: PROJECT.OPS,
      key: 'OPS',
      name: 'Release Operations',
      description: 'Hand-offs from the release train to ops (ROPS and the front-end team) for production deployments.',
      leadAccountId: people.ops[0]!.accountId,
      issueTypeIds: [ISSUE_TYPE.TASK],
      components: [],
      roleMembers: { [ROLE.DEVELOPERS]: [...people.ops.map((u) => u.accountId), ...people.dev.map((u) => u.accountId)], [ROLE.RTE]: rte, [ROLE.ADMINISTRATORS]: [people.ops[0]!.accountId], [ROLE.QA]: people.qa.map((u) => u.accountId), [ROLE.PLANNERS]: people.planner.map((u) => u.accountId) },
    },
    {
      id: PROJECT.SUP,
      key: 'SUP',
      name: 'Customer Support',
      description: 'Customer support tickets; linked to the bugs they are waiting for.',
      leadAccountId: people.l2[0]!.accountId,
      issueTypeIds: [ISSUE_TYPE.TASK],
      components: [],
      // Developers are not members: the support desk is private to support, the RTEs and planners.
      roleMembers: { [ROLE.L2]: people.l2.map((u) => u.accountId), [ROLE.RTE]: rte, [ROLE.PLANNERS]: people.planner.map((u) => u.accountId), [ROLE.ADMINISTRATORS]: [people.l2[0]!.accountId] },
    },
  ];
}
