/** Natural order of issue keys: project, then number (BUG-2 before BUG-10). */
export function compareIssueKeys(a: string, b: string): number {
  const [pa, na] = split(a);
  const [pb, nb] = split(b);
  if (pa !== pb) return pa < pb ? -1 : 1;
  if (na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortKeys(keys: Iterable<string>): string[] {
  return [...new Set(keys)].sort(compareIssueKeys);
}

function split(key: string): [string, number] {
  const i = key.lastIndexOf('-');
  const n = i >= 0 ? Number(key.slice(i + 1)) : NaN;
  return Number.isFinite(n) ? [key.slice(0, i), n] : [key, -1];
}

/** Natural compare of version-like strings: "4.10.0" after "4.9.1", "rc.10" after "rc.2". */
export function compareNatural(a: string, b: string): number {
  const ta = a.match(/\d+|\D+/g) ?? [];
  const tb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    const x = ta[i] as string;
    const y = tb[i] as string;
    if (x === y) continue;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
      continue;
    }
    return x < y ? -1 : 1;
  }
  return ta.length - tb.length || (a < b ? -1 : a > b ? 1 : 0);
}
