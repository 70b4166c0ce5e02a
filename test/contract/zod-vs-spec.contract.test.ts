/**
 * The gateway's zod schemas against the spec's: a field the spec marks nullable must be accepted as null (a zod
 * schema that rejects it makes the operation throw on a reply Jira may send, as `groupId: null` of /user/groups
 * once did). The spec marks no field of these schemas as required, so every field zod requires is listed here
 * with the reason the app relies on it (Jira always sends it, and the app cannot do without it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import * as s from '../../src/jira/schemas';
import { SPEC_FILES, SPECS_DIR, specsAvailable } from './support/openapi';

const available = specsAvailable();
const suite = available ? describe : describe.skip;

type SpecSchema = { properties?: Record<string, { nullable?: boolean }>; required?: string[] };
const element = (schema: z.ZodType) => (schema as unknown as { element: z.ZodType }).element;

/** zod schema ↔ spec component, and the fields zod requires although the spec does not, with why. */
const pairs: Array<{ spec: string; zod: z.ZodType; reliesOn: Record<string, string> }> = [
  { spec: 'GroupName', zod: element(s.userGroupsSchema), reliesOn: { name: 'a group role actor is matched by name when it has no id' } },
  { spec: 'Version', zod: s.versionSchema, reliesOn: { id: 'versions are addressed by id', name: 'trains are recognised by version name' } },
  { spec: 'ChangeDetails', zod: s.changelogItemSchema, reliesOn: { field: 'status changes are found by field name' } },
  { spec: 'Changelog', zod: s.changelogHistorySchema, reliesOn: { id: 'inline and paged histories are merged by id', created: 'stage times come from it', items: 'what changed' } },
  { spec: 'IssueBean', zod: s.issueSchema, reliesOn: { id: 'Jira always sends it', key: 'issues are addressed by key' } },
  { spec: 'PageBeanChangelog', zod: s.changelogPageSchema, reliesOn: { values: 'the page itself' } },
  { spec: 'IssueTransition', zod: s.transitionSchema, reliesOn: { id: 'a transition is run by id', name: 'shown to the user', to: 'which stage it leads to' } },
  { spec: 'StatusDetails', zod: s.statusSchema, reliesOn: { id: 'statuses are mapped to stages by id', name: 'shown to the user' } },
  { spec: 'UserDetails', zod: s.userRefSchema, reliesOn: { accountId: 'who did it' } },
  { spec: 'CreatedIssue', zod: s.createdIssueSchema, reliesOn: { id: 'Jira always sends it', key: 'the new issue is addressed by key' } },
  { spec: 'EntityProperty', zod: s.entityPropertySchema, reliesOn: { key: 'Jira always sends it' } },
  { spec: 'Project', zod: s.projectSchema, reliesOn: { id: 'Jira always sends it', key: 'projects are addressed by key', name: 'shown to the user' } },
  { spec: 'ProjectRole', zod: s.projectRoleRefSchema, reliesOn: { id: 'roles are read by id', name: 'the promoter role is named in the settings' } },
  { spec: 'FieldDetails', zod: s.fieldSchema, reliesOn: { id: 'fields are addressed by id', name: 'fields are found by name' } },
];

suite("the gateway's zod schemas against the spec's", () => {
  // Read when the suite runs, not when jest collects it: a skipped suite's body is still collected.
  let schemas: Record<string, SpecSchema> = {};
  beforeAll(() => {
    schemas = (JSON.parse(readFileSync(join(SPECS_DIR, SPEC_FILES.platform), 'utf8')) as { components: { schemas: Record<string, SpecSchema> } }).components.schemas;
  });
  /** The object schema's fields (through a preprocess pipe, whose `out` is the object). */
  const shapeOf = (zod: z.ZodType): Record<string, z.ZodType> => {
    const z2 = zod as unknown as { shape?: Record<string, z.ZodType>; out?: z.ZodType };
    return z2.shape ?? shapeOf(z2.out!);
  };

  it.each(pairs.map((p) => [p.spec, p] as const))('%s: nullable fields accept null; required fields are the ones relied on', (_name, pair) => {
    const spec = schemas[pair.spec];
    expect(spec?.properties).toBeDefined();
    const shape = shapeOf(pair.zod);
    const problems: string[] = [];
    for (const [field, prop] of Object.entries(spec!.properties!)) {
      const zodField = shape[field];
      if (!zodField) continue; // not read by the app: the loose object passes it through
      if (prop.nullable && !zodField.safeParse(null).success) problems.push(`${field} is nullable in the spec but zod rejects null`);
      const specRequires = spec!.required?.includes(field) ?? false;
      if (!specRequires && !zodField.safeParse(undefined).success && !(field in pair.reliesOn)) problems.push(`${field} is optional in the spec but zod requires it (say why in reliesOn, or make it optional)`);
    }
    for (const field of Object.keys(pair.reliesOn)) if (!(field in spec!.properties!)) problems.push(`reliesOn names ${field}, which the spec does not have`);
    expect(problems).toEqual([]);
  });

  it('groupId: null from /user/groups parses (the promoter-role check used to throw on it)', () => {
    expect(s.userGroupsSchema.parse([{ name: 'site-admins', groupId: null }])).toEqual([{ name: 'site-admins', groupId: null }]);
  });
});
