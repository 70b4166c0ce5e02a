/**
 * The title and text of a refused transition's banner. Release Train's validator messages start with what was
 * refused ("Move to 'Triage' refused: reproduction steps are missing the expected result."): that sentence becomes
 * the title and the rest the text. Other messages (other apps, Jira's own) get "Move to '<status>' refused".
 */
export function refusalBanner(statusName: string, messages: readonly string[]): { title: string; messages: string[] } {
  const [first, ...rest] = messages;
  const m = first === undefined ? null : /^(Move to '[^']+' refused: [^.]*\.)\s*([\s\S]*)$/.exec(first);
  if (!m) return { title: `Move to '${statusName}' refused`, messages: [...messages] };
  return { title: m[1]!.replace(/\.$/, ''), messages: [...(m[2] ? [m[2]] : []), ...rest] };
}

/** A banner line cut into plain text and the names of fields the user can edit on the issue view. */
export type RefusalSegment = { text: string } | { field: string; text: string };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Cuts `line` where it names one of `fieldNames` as a field ("the field 'Reproduction steps'", "with the field
 * 'Documentation impact'"), so the banner can link the name to the field. Only a quoted name after the word
 * "field" counts: a status name in quotes ("Move to 'Triage' refused") is never linked. Longer names win.
 */
export function refusalSegments(line: string, fieldNames: readonly string[]): RefusalSegment[] {
  const names = [...new Set(fieldNames.filter((n) => n.trim() !== ''))].sort((a, b) => b.length - a.length);
  if (names.length === 0) return [{ text: line }];
  const pattern = new RegExp(`(\\bfield\\s+)'(${names.map(escapeRegExp).join('|')})'`, 'g');
  const out: RefusalSegment[] = [];
  let at = 0;
  for (const m of line.matchAll(pattern)) {
    const nameStart = m.index + m[1]!.length;
    out.push({ text: line.slice(at, nameStart) });
    out.push({ field: m[2]!, text: `'${m[2]!}'` });
    at = nameStart + m[2]!.length + 2;
  }
  out.push({ text: line.slice(at) });
  return out.filter((s) => 'field' in s || s.text !== '');
}
