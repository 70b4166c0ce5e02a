import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

/** The parts of manifest.yml that the build and the local workspace need, parsed with zod. */
const resourceRef = z.object({ resource: z.string() });
const manifestSchema = z.object({
  modules: z.looseObject({
    'jira:workflowValidator': z.array(z.looseObject({ key: z.string(), name: z.string(), function: z.string().optional(), expression: z.string().optional(), errorMessage: z.string().optional(), create: resourceRef, edit: resourceRef, view: resourceRef, resolver: z.object({ function: z.string() }).optional() })).default([]),
    // view: a Custom UI resource, or (the documented form for a Custom UI field) only a formatter that Jira renders natively.
    'jira:customField': z.array(z.looseObject({ key: z.string(), name: z.string(), edit: resourceRef.optional(), view: z.looseObject({ resource: z.string().optional(), formatter: z.object({ expression: z.string() }).optional() }).optional(), resolver: z.object({ function: z.string() }).optional() })).default([]),
    'jira:issuePanel': z.array(z.looseObject({ key: z.string(), title: z.string(), resource: z.string(), resolver: z.object({ function: z.string() }).optional() })).default([]),
    'jira:projectPage': z.array(z.looseObject({ key: z.string(), title: z.string(), resource: z.string(), resolver: z.object({ function: z.string() }).optional(), pages: z.array(z.object({ title: z.string(), route: z.string() })).default([]) })).default([]),
    function: z.array(z.object({ key: z.string(), handler: z.string() })),
  }),
  resources: z.array(z.object({ key: z.string(), path: z.string() })),
  permissions: z.object({ scopes: z.array(z.string()) }),
});
export type AppManifest = z.infer<typeof manifestSchema>;

export function readManifest(path = 'manifest.yml'): AppManifest {
  return manifestSchema.parse(parse(readFileSync(path, 'utf8')));
}

/** `index.fooBar` → `fooBar` (the export of src/index.ts). */
export function handlerExportName(handler: string): string {
  const [file, name] = handler.split('.');
  if (file !== 'index' || !name) throw new Error(`Handler '${handler}' must be 'index.<export>'.`);
  return name;
}
