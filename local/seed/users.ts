import type { EmuPermissionScheme, EmuRole, EmuUser } from '../emulator/state';

const user = (accountId: string, displayName: string, email: string, timeZone = 'Europe/Berlin'): EmuUser => ({
  accountId,
  displayName,
  emailAddress: `${email}@demo.local`,
  accountType: 'atlassian',
  timeZone,
  active: true,
});

/** Demo people, by the part they play in the release train. */
export const people = {
  l2: [user('rt-l2-amara', 'Amara Okafor', 'amara.okafor'), user('rt-l2-bruno', 'Bruno Santos', 'bruno.santos', 'America/Sao_Paulo')],
  rte: [user('rt-rte-chloe', 'Chloé Martin', 'chloe.martin', 'Europe/Paris'), user('rt-rte-dmitri', 'Dmitri Volkov', 'dmitri.volkov')],
  dev: [user('rt-dev-elif', 'Elif Yılmaz', 'elif.yilmaz', 'Europe/Istanbul'), user('rt-dev-farhan', 'Farhan Ahmed', 'farhan.ahmed', 'Asia/Kolkata'), user('rt-dev-grace', 'Grace Lee', 'grace.lee')],
  qa: [user('rt-qa-hiro', 'Hiro Tanaka', 'hiro.tanaka', 'Asia/Tokyo'), user('rt-qa-isabel', 'Isabel Nunes', 'isabel.nunes', 'Europe/Lisbon')],
  planner: [user('rt-planner-jonas', 'Jonas Berg', 'jonas.berg', 'Europe/Stockholm')],
  ops: [user('rt-ops-kwame', 'Kwame Mensah', 'kwame.mensah', 'Africa/Accra')],
  /** Can see RT's bugs but not edit or move them (the Viewers role: Browse projects only), to show refusals. */
  viewer: [user('rt-viewer-lena', 'Lena Fischer', 'lena.fischer')],
};

export const APP_ACCOUNT_ID = 'rt-app-release-train';
export const appUser: EmuUser = { accountId: APP_ACCOUNT_ID, displayName: 'Release Train', emailAddress: 'release-train@connect.atlassian.com', accountType: 'app', timeZone: 'UTC', active: true };

export function seedUsers(): EmuUser[] {
  return [...people.l2, ...people.rte, ...people.dev, ...people.qa, ...people.planner, ...people.ops, ...people.viewer, appUser];
}

export const ROLE = { L2: 10100, RTE: 10101, DEVELOPERS: 10102, QA: 10103, PLANNERS: 10104, ADMINISTRATORS: 10002, OPS: 10105, VIEWERS: 10106 } as const;

export function seedRoles(): EmuRole[] {
  return [
    { id: ROLE.L2, name: 'L2 Support', description: 'Second-line support: files bugs and completes their reproduction steps.' },
    { id: ROLE.RTE, name: 'RTE', description: 'Release train engineers: triage, review fixes, promote release candidates.' },
    { id: ROLE.DEVELOPERS, name: 'Developers', description: 'Fix bugs.' },
    { id: ROLE.QA, name: 'QA', description: 'Run focused regressions on each fix.' },
    { id: ROLE.PLANNERS, name: 'Sprint Planners', description: 'Plan bugs into sprints.' },
    { id: ROLE.ADMINISTRATORS, name: 'Administrators', description: 'Project administrators.' },
    { id: ROLE.OPS, name: 'Ops', description: 'Operations: deploy promoted releases and report the outcome.' },
    { id: ROLE.VIEWERS, name: 'Viewers', description: 'Can see the project\u2019s issues but not change them.' },
  ];
}

const everyone = Object.values(ROLE);
/** Every role but Viewers (who may only browse). */
const contributors = everyone.filter((r) => r !== ROLE.VIEWERS);
export function seedPermissionScheme(): EmuPermissionScheme {
  return {
    BROWSE_PROJECTS: [...everyone],
    CREATE_ISSUES: [...contributors],
    EDIT_ISSUES: [...contributors],
    TRANSITION_ISSUES: [...contributors],
    LINK_ISSUES: [...contributors],
    ADD_COMMENTS: [...contributors],
    ASSIGN_ISSUES: [ROLE.RTE, ROLE.DEVELOPERS, ROLE.QA, ROLE.PLANNERS, ROLE.ADMINISTRATORS],
    RESOLVE_ISSUES: [ROLE.RTE, ROLE.DEVELOPERS, ROLE.QA, ROLE.ADMINISTRATORS],
    SCHEDULE_ISSUES: [ROLE.PLANNERS, ROLE.RTE, ROLE.ADMINISTRATORS],
    ADMINISTER_PROJECTS: [ROLE.RTE, ROLE.ADMINISTRATORS],
  };
}

const ids = (list: EmuUser[]) => list.map((u) => u.accountId);
/** Role members of the RT project. */
export function rtRoleMembers(): Record<string, string[]> {
  return {
    [ROLE.L2]: ids(people.l2),
    [ROLE.RTE]: ids(people.rte),
    [ROLE.DEVELOPERS]: ids(people.dev),
    [ROLE.QA]: ids(people.qa),
    [ROLE.PLANNERS]: ids(people.planner),
    [ROLE.ADMINISTRATORS]: [people.rte[0]!.accountId],
    // Ops works in the OPS project and cannot see RT (the ops view and the hand-off panel are made for that case).
    [ROLE.OPS]: [],
    [ROLE.VIEWERS]: ids(people.viewer),
  };
}
