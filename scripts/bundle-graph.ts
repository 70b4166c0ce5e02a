/** What a browser loads before an ES-module entry runs: the entry and, transitively, its static imports. */
import type { Metafile } from 'esbuild';

export function initialFiles(meta: Metafile, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const i of meta.outputs[path]?.imports ?? []) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(entry);
  return [...seen];
}
