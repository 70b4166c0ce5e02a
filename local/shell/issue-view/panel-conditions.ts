/**
 * Jira's display conditions of an issue panel, the two the app's manifest uses: `issueType` (the issue type's name)
 * and `entityPropertyExists` on the issue, and `not` around them. Other conditions are not evaluated locally (the panel shows).
 */
export function panelShows(conditions: Record<string, unknown> | null | undefined, issueType: string | undefined, propertyKeys: readonly string[] | null): boolean {
  if (!conditions) return true;
  const negated = conditions['not'];
  if (negated && typeof negated === 'object' && panelShows(negated as Record<string, unknown>, issueType, propertyKeys)) return false;
  const type = conditions['issueType'];
  if (typeof type === 'string' && issueType !== undefined && type !== issueType) return false;
  const exists = conditions['entityPropertyExists'] as { entity?: unknown; propertyKey?: unknown } | undefined;
  if (exists && exists.entity === 'issue' && typeof exists.propertyKey === 'string') return propertyKeys !== null && propertyKeys.includes(exists.propertyKey);
  return true;
}

/** Whether any panel needs the issue's property keys to decide. */
export const needsPropertyKeys = (panels: ReadonlyArray<{ displayConditions?: Record<string, unknown> | null }>) => panels.some((p) => Boolean(p.displayConditions?.['entityPropertyExists']));
