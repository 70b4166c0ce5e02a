/**
 * Atlassian's published OpenAPI specs (../shared/specs, next to the repository) as request and reply checkers:
 * the operation a request hits (method + path template), its query parameters, its JSON body and the reply's JSON,
 * each validated with Ajv against the spec's own schemas. Where the spec contradicts itself or Jira, the schema is
 * patched here, and every patch is listed with its reason (SPEC_DEVIATIONS).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { sharedPresentOrSkip } from '../../support/shared-data';

/**
 * ../shared/specs relative to the repository root (the repo is /work/main in CI, so /work/shared/specs).
 * RT_SPECS_DIR points elsewhere (test/contract/fresh-clone.contract.test.ts uses it to play a clone without ../shared).
 */
export const SPECS_DIR = process.env['RT_SPECS_DIR'] ? resolve(process.env['RT_SPECS_DIR']) : resolve(__dirname, '../../../..', 'shared', 'specs');
export const SPEC_FILES = { platform: 'platform-swagger-v3.v3.json', software: 'software-swagger.v3.json' } as const;

/** Whether the specs are there; with RT_REQUIRE_SHARED=1 (set by .ci/run) a missing copy is an error, never a skip. */
export function specsAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  return sharedPresentOrSkip(`Atlassian's specs in ${SPECS_DIR} (spec contract suite)`, Object.values(SPEC_FILES).every((f) => existsSync(join(SPECS_DIR, f))), env);
}

/**
 * Where Atlassian's spec is wrong about what Jira sends, and what is patched. Each entry names the schema and
 * properties, and why; `apply` changes the parsed spec before anything is compiled.
 */
type Schema = Record<string, unknown> & { properties?: Record<string, Record<string, unknown>>; required?: string[] };
type Spec = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
type Parameter = { name: string; in: string; required?: boolean; schema?: Record<string, unknown> };
type Operation = { operationId?: string; parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: unknown }> }; responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };

const nullable = (spec: Spec, schema: string, props: string[]) => {
  for (const p of props) {
    const prop = spec.components.schemas[schema]?.properties?.[p];
    if (!prop) throw new Error(`Spec deviation names ${schema}.${p}, which the spec no longer has: review SPEC_DEVIATIONS.`);
    prop['nullable'] = true;
  }
};

export const SPEC_DEVIATIONS: Array<{ spec: keyof typeof SPEC_FILES; where: string; reason: string; apply(spec: Spec): void }> = [
  {
    spec: 'platform',
    where: 'ChangeDetails.from / to / fromString / toString',
    reason: 'Typed as plain strings, yet Jira sends null for a field that had no value before (or has none after), as the spec\'s own changelog examples show ("from": null).',
    apply: (s) => nullable(s, 'ChangeDetails', ['from', 'to', 'fromString', 'toString']),
  },
  {
    spec: 'platform',
    where: 'FieldDetails.untranslatedName',
    reason: 'Jira sends `untranslatedName` for custom fields in GET /rest/api/3/field (the name before translation); FieldDetails does not list it and forbids additional properties.',
    apply: (s) => {
      const fd = s.components.schemas['FieldDetails'];
      if (!fd?.properties) throw new Error('Spec deviation names FieldDetails, which the spec no longer has: review SPEC_DEVIATIONS.');
      fd.properties['untranslatedName'] = { type: 'string' };
    },
  },
  {
    spec: 'platform',
    where: 'IssueBean.fields / PageOfChangelogs in search results',
    reason: "IssueBean.fields is declared as an object of anything; nothing to patch, listed because the spec does not type system fields at all: the app's zod schemas (src/jira/schemas.ts) are the only check of the fields it reads.",
    apply: () => undefined,
  },
  {
    spec: 'software',
    where: 'GET /rest/agile/1.0/board/{boardId}/sprint, query parameter `state`',
    reason: 'Typed as an object with no properties, while its own description says "states separated by commas, e.g. state=active,closed": checked as a string.',
    apply: (s) => {
      const state = s.paths['/rest/agile/1.0/board/{boardId}/sprint']?.['get']?.parameters?.find((p) => p.name === 'state');
      if (!state) throw new Error('Spec deviation names the sprint list\'s state parameter, which the spec no longer has: review SPEC_DEVIATIONS.');
      state.schema = { type: 'string', pattern: '^(future|active|closed)(,(future|active|closed))*$' };
    },
  },
  {
    spec: 'software',
    where: 'GET /rest/agile/1.0/board/{boardId}/configuration, reply `location`',
    reason: "Declared as { type, projectKeyOrId } with no other properties, while the operation's own example (and Jira) send { type, key, id, self, name }: those are allowed.",
    apply: (s) => {
      const schema = s.paths['/rest/agile/1.0/board/{boardId}/configuration']?.['get']?.responses?.['200']?.content?.['application/json']?.schema as Schema | undefined;
      const location = schema?.properties?.['location'];
      if (!location) throw new Error('Spec deviation names the board configuration\'s location, which the spec no longer has: review SPEC_DEVIATIONS.');
      location['properties'] = { ...(location['properties'] as object), key: { type: 'string' }, id: { type: 'string' }, self: { type: 'string', format: 'uri' }, name: { type: 'string' } };
    },
  },
  {
    spec: 'software',
    where: 'Board / Sprint pages: `isLast`',
    reason: 'Declared optional; the gateway pages by startAt/total/maxResults when it is absent (agileHasMore), so nothing is patched.',
    apply: () => undefined,
  },
];

/** Ajv's errors, deduplicated by schema path, naming the extra property where there is one. */
function errorsOf(v: ValidateFunction): string {
  const lines = (v.errors ?? []).map((e) => {
    const extra = (e.params as { additionalProperty?: string }).additionalProperty;
    return `${e.instancePath.replace(/\/\d+(?=\/|$)/g, '/*') || '(root)'} ${e.message ?? ''}${extra ? ` '${extra}'` : ''}`;
  });
  return [...new Set(lines)].slice(0, 6).join('; ');
}

export type Exchange = { method: string; path: string; query: URLSearchParams; body: unknown; status: number; reply: unknown };
export type Finding = string;

export class SpecChecker {
  private readonly ajv: Ajv;
  private readonly ops: Array<{ spec: string; method: string; template: string; regex: RegExp; params: number; op: Operation }> = [];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(dir = SPECS_DIR) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, discriminator: false });
    addFormats(this.ajv);
    for (const [name, file] of Object.entries(SPEC_FILES)) {
      // Every local $ref points into this spec's document: give the document an id and point the refs at it.
      const spec = JSON.parse(readFileSync(join(dir, file), 'utf8').replace(/"#\/components\//g, `"${name}#/components/`)) as Spec;
      for (const d of SPEC_DEVIATIONS) if (d.spec === name) d.apply(spec);
      this.ajv.addSchema({ $id: name, components: spec.components }, name);
      for (const [template, methods] of Object.entries(spec.paths)) {
        const names: string[] = [];
        const regex = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_m, n: string) => (names.push(n), '([^/]+)'))}$`);
        for (const [method, op] of Object.entries(methods)) {
          if (!['get', 'post', 'put', 'delete'].includes(method)) continue;
          this.ops.push({ spec: name, method: method.toUpperCase(), template, regex, params: names.length, op });
        }
      }
    }
  }

  /** The spec operation a request hits: literal segments win over templated ones, as in Jira's routing. */
  operation(method: string, path: string) {
    const hits = this.ops.filter((o) => o.method === method && o.regex.test(path)).sort((a, b) => a.params - b.params);
    return hits[0];
  }

  private validator(key: string, schema: unknown): ValidateFunction {
    let v = this.compiled.get(key);
    if (!v) {
      v = this.ajv.compile(schema as object);
      this.compiled.set(key, v);
    }
    return v;
  }

  /** What in one exchange disagrees with the spec (empty when everything fits). */
  check(x: Exchange): Finding[] {
    const found = this.operation(x.method, x.path);
    if (!found) return [`${x.method} ${x.path}: no operation in Atlassian's specs`];
    const { op, template } = found;
    const at = `${x.method} ${template}`;
    const out: Finding[] = [];
    const params = op.parameters ?? [];
    const queryParams = params.filter((p) => p.in === 'query');
    for (const name of new Set(x.query.keys())) {
      const p = queryParams.find((q) => q.name === name);
      if (!p) {
        out.push(`${at}: query parameter '${name}' is not in the spec`);
        continue;
      }
      const raw = x.query.get(name)!;
      const type = (p.schema?.['type'] as string | undefined) ?? 'string';
      const value: unknown = type === 'integer' || type === 'number' ? Number(raw) : type === 'boolean' ? raw === 'true' ? true : raw === 'false' ? false : raw : type === 'array' ? raw.split(',') : raw;
      const v = this.validator(`${found.spec}:${at}:q:${name}`, p.schema ?? {});
      if (!v(value)) out.push(`${at}: query ${name}=${raw}: ${errorsOf(v)}`);
    }
    for (const p of queryParams) if (p.required && !x.query.has(p.name)) out.push(`${at}: required query parameter '${p.name}' is missing`);
    if (x.body !== undefined) {
      const schema = op.requestBody?.content?.['application/json']?.schema;
      if (!schema) out.push(`${at}: the spec takes no JSON body`);
      else {
        const v = this.validator(`${found.spec}:${at}:body`, schema);
        if (!v(x.body)) out.push(`${at}: request body: ${errorsOf(v)}`);
      }
    }
    const response = op.responses?.[String(x.status)] ?? op.responses?.['default'];
    if (!response) out.push(`${at}: the spec lists no ${x.status} reply`);
    else {
      const schema = response.content?.['application/json']?.schema;
      if (schema && x.reply !== undefined) {
        const v = this.validator(`${found.spec}:${at}:${x.status}`, schema);
        if (!v(x.reply)) out.push(`${at}: ${x.status} reply: ${errorsOf(v)}`);
      } else if (schema && Object.keys(schema).length > 0 && x.status !== 204) out.push(`${at}: ${x.status} reply has no body, the spec describes one`);
    }
    return out;
  }
}
