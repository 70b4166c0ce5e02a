/** Every metric's definition, as shown on the page (docs/rc-promotion.md "Delivery metrics" says the same). */
export const definitions = {
  frequency: 'Production deployments that ops recorded as “deployed” on the hand-offs, per week and per 30-day month of the window. Candidates are never releases: only a train’s production release is deployed.',
  leadTime: 'From a bug’s creation to the first deployment of the production release its fix shipped in (median and 85th percentile of the bugs deployed in the window).',
  perStage: 'Median time the deployed bugs spent in each stage of the loop (from their history: L2 → RTE triage → Dev → RTE review → QA), then from Done to the promotion of the release, then from the promotion to the deployment.',
  changeFailureRate: 'Deployments in the window followed, before the release’s next deployment, by a rollback or by an escaped bug at or above the severity threshold, divided by the deployments in the window. An escaped bug is a bug whose Affects version is the release, created after it was deployed; a bug without a severity counts.',
  timeToRestore: 'From a rollback to the next deployment, and from an escaped bug (same threshold) to the first later deployment of a release it was fixed in.',
  loops: 'How many release candidates the release’s train needed before it shipped (each candidate is one Dev → QA → regression loop).',
  escaped: 'Bugs whose Affects version is the release and that were created after it was deployed (or released, when no deployment was recorded).',
} as const;
