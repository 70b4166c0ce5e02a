/**
 * Template and skeleton text that never counts as content, wherever the analyser reads it (a field box, a step, a line
 * of a description). Families:
 *
 * - `prompt`: a bracketed or parenthesised prompt to the writer: "[steps here]", "<describe>", "{version}", "(Add the
 *   exact actions that led to the failure.)", "(Browser / OS / device.)", "[...]". Brackets hold a prompt when their
 *   text opens with an instruction ("Add", "Describe", "Enter", …), says where to write ("… here"), is a to-do, an
 *   ellipsis, or only names what belongs there ("Browser / OS / device", "[version]"). A parenthesised remark with
 *   content of its own ("(only in dark mode)", "(Chrome 131 / Windows 11)") is no prompt.
 * - `filler`: a box filled to be filled: "N/A", "TBD", "none", "-", "?", "…", "xxx", "see above", "same as above",
 *   "see title".
 * - `lorem`: lorem ipsum.
 *
 * `isPlaceholderText` also counts the template lines the description reader skips (parse-sections' isTemplateLine:
 * "A clear and concise description of …", "_No response_"). Pure; each check reads at most 300 characters.
 */
import { isTemplateLine } from './parse-sections';

export type PlaceholderKind = 'prompt' | 'filler' | 'lorem';

const MAX_CHECKED = 300;

/** Words that open an instruction to the writer ("Add …", "Describe …", "e.g. …"). */
const PROMPT_OPENERS = new Set([
  'add', 'describe', 'enter', 'insert', 'write', 'explain', 'list', 'include', 'paste', 'provide', 'fill', 'type', 'put',
  'specify', 'give', 'state', 'attach', 'mention', 'replace', 'your', 'optional', 'eg', 'example', 'tbd', 'todo', 'placeholder',
  'what', 'which', 'how', 'when', 'where', 'why', 'who',
]);

/** Words that only name what a box or line is for ("Browser / OS / device", "[Version]", "<steps>"). */
const SLOT_NOUNS = new Set([
  'browser', 'browsers', 'os', 'device', 'devices', 'platform', 'version', 'versions', 'build', 'builds', 'number', 'app',
  'environment', 'env', 'model', 'name', 'value', 'url', 'link', 'date', 'time', 'step', 'steps', 'result', 'results',
  'expected', 'actual', 'summary', 'description', 'details', 'text', 'screenshot', 'screenshots', 'log', 'logs', 'id',
  'frequency', 'preconditions', 'precondition', 'behaviour', 'behavior', 'output', 'error', 'message', 'account', 'user',
  'here', 'one', 'two', 'three', 'and', 'or', 'the', 'a', 'of', 'your', 'etc', 'system', 'operating', 'hardware', 'software',
  'release', 'product', 'component', 'area', 'feature', 'page', 'screen', 'action', 'actions',
  'first', 'second', 'third', 'fourth', 'next', 'last', 'more', 'another',
]);

/** "N/A", "TBD", "see above": a to-do or a pointer elsewhere, in any box. */
const FILLER =
  /^(?:n\s?\/\s?a|na|none|nil|null|tbd|tba|todo|to ?do|fixme|-+|_+|\?+|\.+|…+|x+|\*+|(?:see|as|same as|refer to|check) (?:the )?(?:above|below|title|summary|subject|description)|same as (?:above|before)|ditto|idem)$/;

/** The words of lorem ipsum (the common passage): a text of them says nothing. */
const LOREM = new Set(
  ('lorem ipsum dolor sit amet consectetur consectetuer adipiscing adipisicing elit sed do eiusmod tempor incididunt ut labore et dolore ' +
    'magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris nisi aliquip ex ea commodo consequat duis aute irure in ' +
    'reprehenderit voluptate velit esse cillum eu fugiat nulla pariatur excepteur sint occaecat cupidatat non proident sunt culpa qui officia ' +
    'deserunt mollit anim id est laborum').split(' '),
);

const HTML_TAGS = new Set(['a', 'b', 'i', 'u', 'p', 'br', 'hr', 'em', 'div', 'span', 'img', 'li', 'ul', 'ol', 'td', 'tr', 'th', 'table', 'body', 'head', 'html', 'form', 'input', 'button', 'script', 'style', 'code', 'pre', 'strong', 'label', 'select', 'option', 'textarea', 'iframe', 'svg', 'link', 'meta', 'title', 'section', 'header', 'footer', 'nav', 'main', 'template', 'slot']);

const CLOSING: Record<string, string> = { '(': ')', '[': ']', '<': '>', '{': '}' };
const LIST_MARKER = /^(?:\d{1,2}[.)]|[-*+•#])\s+/;

const wordsOf = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** The text between a pair of brackets that encloses the whole of `s`, or null. */
function bracketed(s: string): { open: string; inner: string } | null {
  const open = s[0]!;
  const close = CLOSING[open];
  if (close === undefined) return null;
  // "(Browser / OS / device.)", "[steps here]." — a closing full stop after the bracket is allowed.
  const body = s.endsWith(`${close}.`) ? s.slice(0, -1) : s;
  if (!body.endsWith(close) || body.length < 2) return null;
  const inner = body.slice(1, -1);
  // "(a) first (b) second": more than one bracketed group is no single prompt.
  if (inner.includes(open) || inner.includes(close)) return null;
  return { open, inner: inner.trim() };
}

/** The text inside brackets asks the writer for something rather than saying something. */
function promptInside(open: string, inner: string): boolean {
  if (inner === '' || /^[.…_\s-]+$/.test(inner) || /^x+$/i.test(inner)) return true;
  const words = wordsOf(inner);
  if (words.length === 0) return true;
  const first = words[0]!;
  if (open === '<' && words.length === 1 && HTML_TAGS.has(first)) return false;
  if (PROMPT_OPENERS.has(first)) return true;
  if (/\b(?:here|goes here|to be (?:filled|added|written)|fill in|tbd|todo|placeholder)\b/i.test(inner)) return true;
  if (/(?:\.{3}|…)/.test(inner)) return true;
  // "[step 3]", "<item 2>": a numbered slot.
  if (/^(?:step|item|line)\s*#?\d{1,3}$/i.test(inner)) return true;
  if (/\d/.test(inner)) return false;
  // "Browser / OS / device", "[Version]", "<build number>": only the names of what belongs there.
  if (words.every((w) => SLOT_NOUNS.has(w))) return true;
  // "[steps to reproduce]", "<what should happen>": square and angle brackets hold prompts in lower case.
  // Plain words only, two or more: "<fb:tag-body>", "[x_y]", "<script>" are markup, not prompts.
  return open !== '(' && open !== '{' && words.length >= 2 && words.length <= 8 && /^[a-z][a-z ',.…-]*$/.test(inner);
}

function isLorem(words: string[]): boolean {
  if (words.length < 2) return words.length === 1 && words[0] === 'lorem';
  if (words.includes('lorem') && words.includes('ipsum')) return true;
  let n = 0;
  for (const w of words) if (LOREM.has(w)) n++;
  return words.length >= 3 && n / words.length >= 0.6;
}

/** The placeholder family of `text`, or null when it says something of its own. */
export function placeholderKind(text: string): PlaceholderKind | null {
  if (typeof text !== 'string') return null;
  let s = text.trim().slice(0, MAX_CHECKED);
  s = s.replace(LIST_MARKER, '').trim();
  if (s === '') return null;
  const lower = s.toLowerCase().replace(/[.!:;,]+$/, '').trim();
  if (lower === '' || FILLER.test(lower)) return 'filler';
  const b = bracketed(s);
  if (b && promptInside(b.open, b.inner)) return 'prompt';
  const words = wordsOf(s);
  if (words.length > 0 && LOREM.has(words[0]!) && isLorem(words)) return 'lorem';
  if (words.includes('lorem') && isLorem(words)) return 'lorem';
  return null;
}

/** True when `text` is template or skeleton text: a prompt, a filler, lorem ipsum or a template line. */
export function isPlaceholderText(text: string): boolean {
  return placeholderKind(text) !== null || isTemplateLine(text.trim());
}

/**
 * A prompt that asks for the steps themselves ("(Add the exact actions that led to the failure.)", "[steps here]",
 * "<add steps>"): a steps list holding one has not been written yet, whatever skeleton items stand around it.
 */
export function asksForSteps(text: string): boolean {
  if (placeholderKind(text) !== 'prompt') return false;
  // "[steps here]", "(Add the exact actions …)"; not a numbered slot ("[step 3]").
  return /\b(?:steps|actions?|reproduce|repro|what you did)\b/i.test(text) || (/^\W*(?:add|write|describe|enter|list|insert)\b/i.test(text) && /\bstep\b/i.test(text));
}

/**
 * A bracketed prompt or lorem ipsum on a description line: template text the description reader skips (parse-sections'
 * isTemplateLine). Fillers ("N/A") are not: Bugzilla's form leaves them under a report that holds the reproduction.
 * Cheap first check: the line opens with a bracket or a lorem word.
 */
export function isPromptLine(s: string, at: number): boolean {
  const c = s[at];
  if (c === '(' || c === '[' || c === '<' || c === '{') {
    const b = bracketed(s.slice(at).trim());
    return b !== null && promptInside(b.open, b.inner);
  }
  return opensWithLoremWord(s, at) && placeholderKind(s.slice(at)) === 'lorem';
}

const LOREM_OPENER = /[A-Za-z]{2,14}/y;
/** The line's first word is a lorem ipsum word (a cheap test before reading the whole line). */
function opensWithLoremWord(s: string, at: number): boolean {
  LOREM_OPENER.lastIndex = at;
  const m = LOREM_OPENER.exec(s);
  return m !== null && LOREM.has(m[0].toLowerCase());
}

/** Words of a template's own labels ("Step 1", "Expected result", "Steps to reproduce", "Environment"). */
const LABEL_WORDS = new Set([
  'step', 'steps', 'to', 'reproduce', 'expected', 'actual', 'result', 'results', 'behaviour', 'behavior', 'environment', 'env',
  'build', 'version', 'description', 'summary', 'preconditions', 'precondition', 'frequency', 'details', 'and', 'or', 'the', 'here',
]);
/** Instructions written without brackets: "Describe the steps here", "Add more steps", "What happened", "What you expected". */
const BARE_PROMPT =
  /^(?:(?:add|describe|enter|insert|write|explain|list|paste|provide|fill in|type|specify)\b.{0,60}\b(?:steps?|results?|expected|actual|environment|build|here|details)\b.{0,40}|what (?:you )?(?:expected|happen(?:s|ed)?)(?: to happen)?(?: instead)?|what should happen)$/;

/**
 * A box of the Reproduction steps field that holds only a template's label or an instruction to the writer: a
 * template pasted box by box ("Step 1", "Expected result", "Environment") or a skeleton left as it was. Only for the
 * field's boxes: in a description those words are the headings the reader uses to find the parts.
 */
export function isBoxPlaceholder(text: string): boolean {
  if (isPlaceholderText(text)) return true;
  const lower = text.trim().slice(0, MAX_CHECKED).toLowerCase().replace(LIST_MARKER, '').replace(/[.!:;,]+$/, '').trim();
  if (BARE_PROMPT.test(lower)) return true;
  const words = wordsOf(lower);
  const named = words.filter((w) => !/^\d{1,2}$/.test(w));
  // Numbers only after "Step" ("Step 1"): "Build 12" names a build.
  return named.length > 0 && named.length <= 4 && named.every((w) => LABEL_WORDS.has(w)) && (named.length === words.length || /^steps?$/.test(words[0]!));
}
