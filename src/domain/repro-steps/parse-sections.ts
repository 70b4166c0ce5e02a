/**
 * Splits a description into labelled sections ("Steps to reproduce:", "Expected:", …) and the
 * unlabelled prose around them. One pass over the lines; code fences (```) are kept as code and
 * never read as labels.
 */
import { matchLabel, type SectionKind } from './labels';
import { asksForSteps, isPromptLine } from './placeholder-text';

/** Text beyond this many characters is ignored (reported as TRUNCATED); 1 MB descriptions pass whole. */
export const MAX_TEXT = 2_000_000;
/** Longest line kept; longer lines are cut (a minified blob is not a step). */
export const MAX_LINE = 4_000;
/**
 * Labelled sections read; after this many, label lines are plain lines of the last section. A real report has a
 * handful; 60k "Expected: N" lines would otherwise cost a label lookup and a section each.
 */
export const MAX_SECTIONS = 200;

export type Line = {
  readonly text: string;
  readonly lower: string;
  readonly code: boolean;
  /** Leading white space of the line as written (a tab counts 4): tells a nested list item from its parent. */
  readonly indent: number;
};

export type Section = {
  /** 'intro' = text before any label. */
  kind: SectionKind | 'intro';
  lines: Line[];
  /** Template text skipped in it: placeholders ("<what should happen>"), instructions, "_No response_", comments. */
  templateLines: number;
  /** Of those, prompts asking for the steps themselves ("(Add the exact actions …)", "[steps here]"). */
  stepPrompts?: number;
};

export type ParsedText = { sections: Section[]; truncated: boolean };

/** Normalises line endings and cuts the text into lines. */
export function toLines(text: string): { lines: string[]; truncated: boolean } {
  const truncated = text.length > MAX_TEXT;
  const body = truncated ? text.slice(0, MAX_TEXT) : text;
  // Most text has only "\n" line ends; the plain split is several times cheaper than the regex one on 1 MB.
  const plain = body.indexOf('\r') < 0 && body.indexOf('\u2028') < 0 && body.indexOf('\u2029') < 0;
  const lines = plain ? body.split('\n') : body.split(/\r\n|\r|\n|\u2028|\u2029/);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.length > MAX_LINE) lines[i] = l.slice(0, MAX_LINE);
  }
  return { lines, truncated };
}

export function parseSections(text: string): ParsedText {
  const { lines: raw, truncated } = toLines(text);
  const lines = GIVEN_LINE.test(text) ? gherkinAsLabels(raw) : raw;
  const sections: Section[] = [{ kind: 'intro', lines: [], templateLines: 0 }];
  let current = sections[0]!;
  let inFence = false;
  /** Lines of an open "<!-- …" comment still skipped (a comment never closed stops hiding text after this many). */
  let commentLeft = 0;
  /** The column labels of a wiki table read column-wise ("||Expected||Actual||"), while its rows follow. */
  let tableHeads: string[] | null = null;
  /** The previous line was a Jira wiki numbered item ("# Open X"): a "## …" line under it is a nested item, not a heading. */
  let afterWikiItem = false;
  const open = (kind: Section['kind']): Section => {
    current = { kind, lines: [], templateLines: 0 };
    sections.push(current);
    return current;
  };
  /**
   * The current section is preconditions opened by a label with its text on the same line ("Preconditions: 30 issues
   * in the filter"): a numbered list after it is the steps, not more preconditions.
   */
  let oneLinePreconditions = false;
  const read = (raw: string): void => {
    const line = withoutLeadingEmoji(raw.trim());
    let trimmed = withoutWikiHeading(line);
    const wikiHeading = trimmed !== line;
    // A wiki heading is matched as the markdown heading it is ("h3. Environment" as "### Environment").
    let head = wikiHeading ? `### ${trimmed}` : trimmed;
    if (trimmed.startsWith('```') || trimmed.startsWith('{code') || trimmed.startsWith('{noformat')) {
      inFence = !inFence;
      afterWikiItem = false;
      return;
    }
    if (inFence) {
      current.lines.push(lineOf(line, true));
      return;
    }
    if (commentLeft > 0) {
      commentLeft = line.includes('-->') ? 0 : commentLeft - 1;
      return;
    }
    if (line.startsWith('<!--')) {
      // "<!-- Please fill in … -->": template instructions, no content (text after the comment is read).
      current.templateLines++;
      const end = line.indexOf('-->');
      if (end < 0) commentLeft = MAX_COMMENT_LINES;
      else if (line.length > end + 3) read(line.slice(end + 3));
      return;
    }
    const box = checkboxEnd(trimmed);
    if (box > 0) {
      // "- [X] I agree to follow the Code of Conduct": an issue form's own checkbox, no content. Any other task item
      // ("- [ ] open settings") is the list item "- open settings".
      if (isFormCheckbox(trimmed, box)) return;
      trimmed = `${trimmed[0]} ${trimmed.slice(box)}`;
      head = trimmed;
    }
    const wasAfterWikiItem = afterWikiItem;
    afterWikiItem = false;
    if (tableHeads !== null && sections.length <= MAX_SECTIONS && trimmed.startsWith('|') && !trimmed.startsWith('||')) {
      // A row under "||Expected||Actual||": each cell is read as "<its column's label>: <cell>".
      const heads = tableHeads;
      const cells = tableCells(trimmed, '|');
      for (let i = 0; i < cells.length && i < heads.length; i++) if (cells[i] !== '') read(`${heads[i]}: ${cells[i]}`);
      tableHeads = heads;
      return;
    }
    tableHeads = null;
    if (sections.length <= MAX_SECTIONS) {
      const label = matchLabel(head);
      // "1. Open cart⏎   Note: use a fresh account⏎2. Click Pay": a remark indented under a list item is part of the
      // item, not a section that would end the list.
      if (label && !(REMARK_KINDS.has(label.kind) && underListItem(raw))) {
        open(label.kind);
        if (isTemplateLine(label.rest)) current.templateLines++;
        else if (label.rest) current.lines.push(lineOf(label.rest, false));
        // "Preconditions: the account has:" introduces its own list; "Preconditions: 30 issues" states them whole.
        // "Preconditions: 1. an admin⏎2. a project" is a list of preconditions.
        oneLinePreconditions =
          label.kind === 'preconditions' && label.rest !== '' && !label.rest.endsWith(':') && afterItemMarker(label.rest) === 0 && !isTemplateLine(label.rest);
        return;
      }
      // A heading the table does not know ("### Relevant log output", "**Screenshots**", "h3. Notes", a wiki table's
      // header row) ends the section above it and is no content itself; what follows is prose again.
      if (wikiHeading || isHeadingShaped(trimmed, wasAfterWikiItem)) {
        if (trimmed.startsWith('||')) tableHeads = labelColumns(trimmed);
        open('body');
        oneLinePreconditions = false;
        return;
      }
      if (oneLinePreconditions && current.kind === 'preconditions' && numberedListStart(raw, trimmed)) {
        open('steps');
        oneLinePreconditions = false;
      }
    }
    if (isTemplateLine(trimmed)) {
      current.templateLines++;
      if (asksForSteps(trimmed)) current.stepPrompts = (current.stepPrompts ?? 0) + 1;
      return;
    }
    afterWikiItem = trimmed.startsWith('#');
    const c0 = raw.charCodeAt(0);
    current.lines.push(lineOf(trimmed, false, c0 === 32 || c0 === 9 ? indentOf(raw) : 0));
  };
  /** The raw line is indented deeper than the section's last line, and that line is a list item. */
  const underListItem = (raw: string): boolean => {
    const c0 = raw.charCodeAt(0);
    if (c0 !== 32 && c0 !== 9) return false;
    const prev = current.lines[current.lines.length - 1];
    return prev !== undefined && !prev.code && afterItemMarker(prev.text) > 0 && indentOf(raw) >= prev.indent + 2;
  };
  for (const line of lines) {
    if (inFence || sections.length > MAX_SECTIONS || !mayHoldInlineLabel(line)) read(line);
    else for (const piece of atInlineLabels(line)) read(piece);
  }
  return { sections, truncated };
}

/** Labels of a remark ("Note:", "Workaround:", "Comment:"), which may sit inside a list item. */
const REMARK_KINDS = new Set<Section['kind']>(['body', 'other']);
const MAX_COMMENT_LINES = 20;
/** Cells of a wiki table row read column-wise: at most this many. */
const MAX_COLUMNS = 12;

/** "## Screenshots", "**Additional context**", "*Notes*", "__Logs__", "||Expected||Actual||": a heading line. */
const MD_HEADING = /^#{2,6}[ \t]+\S/;
const BOLD_LINE = /^(?:\*\*[^*]{1,80}\*\*|__[^_]{1,80}__|\*[^*\s][^*]{0,79}\*)[ \t]*:?$/;

/**
 * A heading-shaped line: a markdown heading of two or more "#" (one "#" is as often a shell comment or a wiki list
 * item), a line that is only bold text (not a bold sentence ending in "." or "!"), or a wiki table's header row.
 * "## …" right under a wiki "# item" is a nested wiki item.
 */
function isHeadingShaped(s: string, afterWikiItem: boolean): boolean {
  const c = s[0];
  if (c === '#') return !afterWikiItem && MD_HEADING.test(s);
  if (c === '|') return s.startsWith('||') && s.length > 4 && s.endsWith('||');
  if (c !== '*' && c !== '_') return false;
  if (!BOLD_LINE.test(s)) return false;
  const inner = s.replace(/[*_:\s]+$/, '');
  return !inner.endsWith('.') && !inner.endsWith('!');
}

/** Where a task item's text starts after its checkbox ("- [ ] open settings", "* [x] …", "+ [X] …" → 6), or 0. */
function checkboxEnd(s: string): number {
  const c = s[0];
  if (c !== '-' && c !== '*' && c !== '+') return 0;
  let i = 1;
  while (s[i] === ' ' || s[i] === '\t') i++;
  if (i === 1 || s[i] !== '[' || (s[i + 1] !== ' ' && s[i + 1] !== 'x' && s[i + 1] !== 'X') || s[i + 2] !== ']') return 0;
  const box = i + 3;
  i = box;
  while (s[i] === ' ' || s[i] === '\t') i++;
  return i > box && i < s.length ? i : 0;
}
/**
 * The checkboxes of issue forms: "I agree to follow …", "I have searched / I've searched the existing issues", "I have
 * read …", "I confirm …", "I'm using …", and any naming the code of conduct or the latest version.
 */
const FORM_CHECKBOX_I = /i(?: have|'ve|’ve)? (?:agree|searched|read|checked|confirm|verified|accept|understand|reviewed)\b|i(?: am|'m|’m) (?:using|on|running)\b/iy;
const FORM_CHECKBOX_TOPIC = /code of conduct|latest (?:version|release)\b/i;
function isFormCheckbox(s: string, at: number): boolean {
  return ((s[at] === 'I' || s[at] === 'i') && stickyTest(FORM_CHECKBOX_I, s, at)) || FORM_CHECKBOX_TOPIC.test(s);
}

// Sticky (y) regexes, read from where a line's text starts after its list marker (no slice per line).
const NO_RESPONSE = /_?no response_?$/iy;
/** "<step one>", "<what should happen>": lower-case words in angle brackets (not a tag: "<Limit GET POST>", "<br/>"). */
const ANGLE_PLACEHOLDER = /<[A-Za-z][a-z0-9 ',.…-]{0,80}>$/y;
/** "[describe the steps]", "[your version]". */
const BRACKET_PLACEHOLDER = /\[(?:describe|enter|add|insert|write|explain|list|include|paste|provide|your|optional|placeholder)\b[^[\]]{0,120}\]$/iy;
/** A template's instruction to the writer ("A clear and concise description of what the bug is.", "If applicable, add screenshots …"). */
const INSTRUCTION =
  /(?:a (?:clear and concise|clear|concise|short|brief|detailed) description of\b|(?:please )?describe (?:the|your|what|how|in)\b|(?:please )?(?:explain|tell us) (?:what|how|why)\b|if applicable\b|add any (?:other|additional|more)\b|steps to reproduce the behaviou?r\b|(?:please )?(?:provide|include|list|paste|enter|attach|add) (?:the|any|all|your) (?:steps|details|information|screenshots?|logs?|relevant|output|context|additional)\b)/iy;
/** First words of INSTRUCTION's branches (lower-cased): a line opening with another word skips it. */
const INSTRUCTION_FIRST_WORDS = new Set(['a', 'please', 'describe', 'explain', 'tell', 'if', 'add', 'steps', 'provide', 'include', 'list', 'paste', 'enter', 'attach']);
const INSTRUCTION_FIRST_LETTERS = new Set([...INSTRUCTION_FIRST_WORDS].map((w) => w.charCodeAt(0)));
const FIRST_WORD_MAX = 8;

/** The lower-cased word at `at` (letters only, at most FIRST_WORD_MAX), without a slice per line for longer words. */
function firstWordAt(s: string, at: number): string {
  let end = at;
  while (end < s.length && end - at <= FIRST_WORD_MAX) {
    const c = s.charCodeAt(end) | 32;
    if (c < 97 || c > 122) break;
    end++;
  }
  return end - at > FIRST_WORD_MAX ? '' : s.slice(at, end).toLowerCase();
}

/** Where a line's text starts after a list marker ("1. ", "2) ", "- ", "# "), or 0. */
function afterItemMarker(s: string): number {
  let i = 0;
  const c = s[0];
  if (c === '-' || c === '*' || c === '+' || c === '•' || c === '#') i = 1;
  else {
    while (i < 2 && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    if (i === 0 || (s[i] !== '.' && s[i] !== ')')) return 0;
    i++;
  }
  if (s[i] !== ' ' && s[i] !== '\t') return 0;
  while (s[i] === ' ' || s[i] === '\t') i++;
  return i;
}

/** "1. Select all", "1) Select all", a wiki "# Select all", not indented under another line: a numbered list starts. */
function numberedListStart(raw: string, s: string): boolean {
  const c0 = raw.charCodeAt(0);
  if ((c0 === 32 || c0 === 9) && indentOf(raw) >= 2) return false;
  const i = s[0] === '#' ? 1 : s[0] === '1' ? 2 : 0;
  if (i === 2 && s[1] !== '.' && s[1] !== ')') return false;
  return i > 0 && (s[i] === ' ' || s[i] === '\t');
}

function stickyTest(re: RegExp, s: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(s);
}

/**
 * A line that is only template text: "_No response_", a placeholder ("<step one>", "[describe …]") or an instruction
 * sentence, with or without a list marker. Counted per section (templateLines), so an unfilled template reads as one.
 */
export function isTemplateLine(s: string): boolean {
  if (s.length < 3 || s.length > 300) return false;
  const at = afterItemMarker(s);
  const c = s[at];
  if (c === '<') return (s.includes(' ', at) && stickyTest(ANGLE_PLACEHOLDER, s, at)) || isPromptLine(s, at);
  if (c === '[') return stickyTest(BRACKET_PLACEHOLDER, s, at) || isPromptLine(s, at);
  // "(Add the exact actions …)", "{version}", lorem ipsum (placeholder-text.ts).
  if (c === '(' || c === '{') return isPromptLine(s, at);
  if (isPromptLine(s, at)) return true;
  if (c === '_' || c === 'N' || c === 'n') return stickyTest(NO_RESPONSE, s, at);
  return INSTRUCTION_FIRST_LETTERS.has(s.charCodeAt(at) | 32) && INSTRUCTION_FIRST_WORDS.has(firstWordAt(s, at)) && stickyTest(INSTRUCTION, s, at);
}

/** "|a|b|" → ["a", "b"]; "||a||b||" → ["a", "b"] (at most MAX_COLUMNS). */
function tableCells(row: string, bar: string): string[] {
  let body = row.slice(bar.length);
  if (body.endsWith(bar)) body = body.slice(0, -bar.length);
  return body.split(bar, MAX_COLUMNS).map((c) => c.trim());
}

/** A wiki table header whose every column is a label of a part ("||Expected||Actual||"): its labels, else null. */
function labelColumns(header: string): string[] | null {
  const heads = tableCells(header, '||');
  if (heads.length < 2) return null;
  for (const h of heads) {
    const m = matchLabel(h);
    if (!m || m.kind === 'body' || m.kind === 'other' || m.rest !== '') return null;
  }
  return heads;
}

const GIVEN = /^\s*given\s+/i;
/** Any line opening with "Given": one search of the whole text, so a text without one pays no per-line test. */
const GIVEN_LINE = /^[ \t]*given\s/im;
const WHEN = /^\s*when\s+/i;
const THEN = /^\s*then\s+/i;
const AND = /^\s*(?:and|but)\s+/i;
const BUT = /^\s*but\s+/i;

/**
 * A Given / When / Then scenario (BDD teams write bugs this way) as the labels it stands for: "Given …" lines are the
 * preconditions, "When …" and the "And …" lines under it the steps, "Then …" the expected result and a "But …" right
 * under it the actual one. Only a complete
 * Given → When → Then run is rewritten; a lone "When I click X, it crashes" is prose. Linear: one pass, and lines that
 * do not open with one of the four words are passed through.
 */
export function gherkinAsLabels(lines: string[]): string[] {
  const given = lines.findIndex((l) => GIVEN.test(l));
  if (given < 0) return lines;
  let i = given + 1;
  while (i < lines.length && AND.test(lines[i]!)) i++;
  if (i >= lines.length || !WHEN.test(lines[i]!)) return lines;
  const when = i++;
  while (i < lines.length && AND.test(lines[i]!)) i++;
  if (i >= lines.length || !THEN.test(lines[i]!)) return lines;
  const then = i;
  const rest = (l: string, re: RegExp): string => l.replace(re, '');
  const steps = lines.slice(when, then).map((l, n) => `${n + 1}. ${rest(l, n === 0 ? WHEN : AND)}`);
  return [
    ...lines.slice(0, given),
    `Preconditions: ${rest(lines[given]!, GIVEN)}`,
    ...lines.slice(given + 1, when).map((l) => rest(l, AND)),
    'Steps to reproduce:',
    ...steps,
    `Expected: ${rest(lines[then]!, THEN)}`,
    // "But it shows 20" right under Then is what happened instead.
    ...lines.slice(then + 1).map((l, n) => (n === 0 && BUT.test(l) ? `Actual: ${rest(l, BUT)}` : l)),
  ];
}

/**
 * A sentence ends at ". ", "! " or "? " before a capital, a digit, a quote or a bracket ("e.g. for" does not end one).
 */
export const SENTENCE_BREAK = /(?<=[.!?])\s+(?=[A-Z0-9"'(\[])/;

/** ". Expected: …" inside a paragraph: a sentence that opens with a would-be label. */
const INLINE_LABEL = /(?<=[.!?])\s+(?=[A-ZÀ-Ý][\p{L} /]{0,40}:\s)/u;

/**
 * "It crashes when I save. Expected: it saves. Version 3.1 on Android." → the sentence that opens with a label starts a
 * new line, so the label opens its section as on a line of its own, and each sentence after it is a line of that section
 * (where "Version 3.1 …" can end the part). A paragraph without an inline label stays one line.
 */
const mayHoldInlineLabel = (line: string): boolean => {
  const colon = line.indexOf(': ');
  // A ": " after the first word, or a second one ("Steps: open the cart. Expected: a receipt.").
  return colon > 0 && (line.indexOf(' ') < colon || line.indexOf(': ', colon + 2) > 0);
};

export function atInlineLabels(line: string): string[] {
  if (!mayHoldInlineLabel(line) || !INLINE_LABEL.test(line)) return [line];
  const pieces = line.split(INLINE_LABEL);
  const out = [pieces[0]!];
  let labelled = false;
  for (let i = 1; i < pieces.length; i++) {
    if (matchLabel(pieces[i]!)) labelled = true;
    else if (!labelled) {
      out[out.length - 1] += ` ${pieces[i]}`;
      continue;
    }
    out.push(...pieces[i]!.split(SENTENCE_BREAK));
  }
  return out;
}

const KEYCAP = /^(\d)\uFE0F?\u20E3\s*/u;
const PICTOGRAPHS = /^(?:\p{Extended_Pictographic}|\uFE0F|\u200D)+\s*/u;

/** "🐛 Steps:" → "Steps:", "1️⃣ Open cart" → "1. Open cart": emoji decoration does not hide a label or a list item. */
export function withoutLeadingEmoji(line: string): string {
  if (line.length < 2) return line;
  const second = line.charCodeAt(1);
  if (second === 0xfe0f || second === 0x20e3) {
    const keycap = KEYCAP.exec(line);
    if (keycap) return `${keycap[1]}. ${line.slice(keycap[0].length)}`;
  }
  return line.charCodeAt(0) < 0x2000 ? line : line.replace(PICTOGRAPHS, '');
}

/** `lower` is computed on first use: cue checks read at most MAX_CUE_LINES lines of a 60k-line log. */
class LazyLine implements Line {
  private lowered: string | undefined;
  constructor(readonly text: string, readonly code: boolean, readonly indent: number) {}
  get lower(): string {
    return (this.lowered ??= this.text.toLowerCase());
  }
}

/** Jira wiki headings "h1." … "h6.": "h3. Steps to reproduce" → "Steps to reproduce". */
function withoutWikiHeading(s: string): string {
  return s.length > 3 && (s[0] === 'h' || s[0] === 'H') && s[1]! >= '1' && s[1]! <= '6' && s[2] === '.' && (s[3] === ' ' || s[3] === '\t')
    ? s.slice(4).trim()
    : s;
}

export function lineOf(text: string, code: boolean, indent = 0): Line {
  return new LazyLine(text, code, indent);
}

/** Leading spaces and tabs (a tab counts 4), read up to the first other character. */
function indentOf(raw: string): number {
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 32) n++;
    else if (c === 9) n += 4;
    else break;
  }
  return n;
}
