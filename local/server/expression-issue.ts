/**
 * Jira expressions' `issue` variable (the subset Release Train's expressions read), built from an issue's REST
 * fields with the transition screen's changes applied, as Jira's `issue` "includes changes made on the transition
 * screen": `issueType.name`, `labels`, `versions` / `fixVersions` ({ name }), `links` ({ type: { name }, direction,
 * linkedIssue: { key } }). A REST `issuelinks` entry naming the other issue as `inwardIssue` is an `inward` link, as
 * the validators' own snapshot reads it (src/validators/issue-reader.ts).
 */
type Named = { name: string };
export type ExpressionIssue = {
  key: string;
  issueType: Named;
  labels: string[];
  versions: Named[];
  fixVersions: Named[];
  links: Array<{ type: Named; direction: 'inward' | 'outward'; linkedIssue: { key: string } }>;
};

const has = (o: Record<string, unknown>, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const nameOf = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') {
    const n = (v as { name?: unknown; value?: unknown }).name ?? (v as { value?: unknown }).value;
    return typeof n === 'string' ? n : undefined;
  }
  return undefined;
};
const namedList = (v: unknown): Named[] => (Array.isArray(v) ? v.map(nameOf).filter((n): n is string => n !== undefined).map((name) => ({ name })) : []);

function linksOf(value: unknown): ExpressionIssue['links'] {
  if (!Array.isArray(value)) return [];
  const out: ExpressionIssue['links'] = [];
  for (const raw of value) {
    const e = (raw && typeof raw === 'object' && 'add' in raw ? (raw as { add: unknown }).add : raw) as
      | { type?: { name?: unknown }; inwardIssue?: { key?: unknown }; outwardIssue?: { key?: unknown } }
      | null
      | undefined;
    const typeName = e?.type?.name;
    if (typeof typeName !== 'string') continue;
    if (typeof e?.inwardIssue?.key === 'string') out.push({ type: { name: typeName }, direction: 'inward', linkedIssue: { key: e.inwardIssue.key } });
    else if (typeof e?.outwardIssue?.key === 'string') out.push({ type: { name: typeName }, direction: 'outward', linkedIssue: { key: e.outwardIssue.key } });
  }
  return out;
}

export function expressionIssue(key: string, fields: Record<string, unknown>, modified: Record<string, unknown> = {}): ExpressionIssue {
  const pick = (id: string) => (has(modified, id) ? modified[id] : fields[id]);
  const labels = pick('labels');
  return {
    key,
    issueType: { name: nameOf(pick('issuetype')) ?? '' },
    labels: Array.isArray(labels) ? labels.filter((l): l is string => typeof l === 'string') : [],
    versions: namedList(pick('versions')),
    fixVersions: namedList(pick('fixVersions')),
    // Links added on the screen come on top of the stored ones (Jira adds them with the transition).
    links: [...linksOf(fields['issuelinks']), ...(has(modified, 'issuelinks') ? linksOf(modified['issuelinks']) : [])],
  };
}
