import { JqlError } from './ast';

export type Token =
  | { type: 'word'; text: string; pos: number }
  | { type: 'string'; text: string; pos: number }
  | { type: 'op'; text: string; pos: number }
  | { type: 'punct'; text: '(' | ')' | ','; pos: number }
  | { type: 'property'; propertyKey: string; path: string; pos: number }
  | { type: 'eof'; text: ''; pos: number };

/** Longest query the emulator parses (Jira's own limit is far larger; this bounds hostile input). */
export const MAX_JQL_LENGTH = 20_000;

const WORD = /[A-Za-z0-9_.\-@:+/*\[\]]/;

/** Splits JQL into tokens. Positions are 0-based; messages report them 1-based like Jira ("character 12"). */
export function tokenize(jql: string): Token[] {
  if (jql.length > MAX_JQL_LENGTH) throw new JqlError(`The JQL query is too long (${jql.length} characters; the emulator accepts ${MAX_JQL_LENGTH}).`);
  const tokens: Token[] = [];
  let i = 0;
  while (i < jql.length) {
    const c = jql[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === '"' || c === "'") {
      let text = '';
      i++;
      while (i < jql.length && jql[i] !== c) {
        if (jql[i] === '\\' && i + 1 < jql.length) i++;
        text += jql[i];
        i++;
      }
      if (i >= jql.length) throw new JqlError(`Error in the JQL Query: The quoted string starting at character ${start + 1} is not terminated.`);
      i++;
      tokens.push({ type: 'string', text, pos: start });
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ type: 'punct', text: c, pos: start });
      i++;
      continue;
    }
    const two = jql.slice(i, i + 2);
    if (two === '!=' || two === '!~' || two === '>=' || two === '<=') {
      tokens.push({ type: 'op', text: two, pos: start });
      i += 2;
      continue;
    }
    if (c === '=' || c === '~' || c === '>' || c === '<') {
      tokens.push({ type: 'op', text: c, pos: start });
      i++;
      continue;
    }
    // issue.property[propertyKey].path.to.value
    const prop = /^issue\.property\[([^\]\s]{1,255})\]((?:\.[A-Za-z0-9_\-]+)*)/i.exec(jql.slice(i, i + 1000));
    if (prop) {
      tokens.push({ type: 'property', propertyKey: prop[1]!, path: (prop[2] ?? '').replace(/^\./, ''), pos: start });
      i += prop[0].length;
      continue;
    }
    if (WORD.test(c)) {
      while (i < jql.length && WORD.test(jql[i]!)) i++;
      tokens.push({ type: 'word', text: jql.slice(start, i), pos: start });
      continue;
    }
    throw new JqlError(`Error in the JQL Query: The character '${c}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}' instead. (line 1, character ${start + 1})`);
  }
  tokens.push({ type: 'eof', text: '', pos: jql.length });
  return tokens;
}
