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
