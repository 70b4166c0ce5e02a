/**
 * Section labels in the forms people actually write ("Steps to reproduce", "STR:", "Repro:",
 * "Expected result", "What happened", "Build Identifier:" …), plus the common ones in German,
 * French, Spanish, Portuguese, Italian and Dutch.
 *
 * Matching is a Map lookup on the normalised head of a line (the text before a colon, or a short
 * heading line), never a regex over the whole text, so it is linear and cannot backtrack.
 */

export type SectionKind =
  | 'steps'
  | 'expected'
  | 'actual'
  | 'environment'
  | 'build'
  | 'frequency'
  | 'preconditions'
  | 'attachments'
  /** A label that starts ordinary prose again ("Description:", "Details:"). */
  | 'body'
  /** A label whose content is commentary, not the report ("Notes:", "Workaround:"). */
  | 'other';

const LABELS: Record<Exclude<SectionKind, never>, string[]> = {
  steps: [
    'steps to reproduce', 'step to reproduce', 'steps to repro', 'steps to reproduction', 'steps for reproduction',
    'steps to recreate', 'steps to replicate', 'steps to repeat', 'str', 'repro', 'repro steps', 'reproduction steps',
    'reproduction', 'to reproduce', 'how to reproduce', 'how to repro', 'how to repeat', 'how to replicate',
    'to replicate', 'reproduce', 'reproducing', 'steps', 'step', 'test case', 'testcase', 'test steps', 'scenario',
    'reproduction scenario', 'detailed steps', 'replication steps', 'reproduce steps', 'repro case',
    // de / fr / es / pt / it / nl
    'schritte zum reproduzieren', 'schritte zur reproduktion', 'reproduktionsschritte', 'schritte', 'nachstellen',
    'étapes pour reproduire', 'étapes de reproduction', 'étapes', 'etapes pour reproduire', 'etapes', 'reproduction du bug',
    'pasos para reproducir', 'pasos', 'pasos a seguir', 'passos para reproduzir', 'passos', 'passo a passo',
    'passi per riprodurre', 'passaggi per riprodurre', 'passi', 'stappen om te reproduceren', 'stappen',
  ],
  expected: [
    'expected', 'expected result', 'expected results', 'expected behavior', 'expected behaviour', 'expected outcome',
    'expected output', 'expectation', 'expectations', 'what should happen', 'what i expected', 'what you expected',
    'what did you expect', 'what you expected to happen', 'what did you expect to happen', 'desired result',
    'desired behavior', 'desired behaviour', 'desired outcome', 'correct behavior', 'correct behaviour', 'should',
    'expect result', 'expect results', 'er', 'exp', 'exp. result', 'expected/desired result', 'eb', 'expected behavior/result', 'expected result/behaviour',
    'erwartetes ergebnis', 'erwartetes verhalten', 'erwartet', 'soll', 'soll-zustand', 'sollverhalten',
    'résultat attendu', 'resultat attendu', 'comportement attendu', 'attendu',
    'resultado esperado', 'comportamiento esperado', 'comportamento esperado', 'esperado',
    'risultato atteso', 'comportamento atteso', 'verwacht resultaat', 'verwacht gedrag', 'verwacht',
  ],
  actual: [
    'actual', 'actual result', 'actual results', 'actual behavior', 'actual behaviour', 'actual outcome',
    'actual output', 'actually', 'observed', 'observed result', 'observed results', 'observed behavior',
    'observed behaviour', 'observation', 'what happened', 'what happens', 'what actually happened',
    'what actually happens', 'what went wrong', 'current result', 'current behavior', 'current behaviour',
    'current outcome', 'result', 'results', 'ar', 'act', 'act. result', 'ob', 'actual/observed result', 'outcome', 'instead', 'actual result/behaviour', 'actual behavior/result',
    'tatsächliches ergebnis', 'tatsächliches verhalten', 'tatsächlich', 'ist', 'ist-zustand', 'istverhalten',
    'aktuelles verhalten', 'résultat obtenu', 'resultat obtenu', 'résultat actuel', 'comportement actuel',
    'comportement observé', 'résultat observé', 'resultado actual', 'resultado obtenido', 'comportamiento actual',
    'comportamiento observado', 'resultado atual', 'resultado obtido', 'comportamento atual',
    'comportamento observado', 'risultato effettivo', 'risultato attuale', 'comportamento osservato',
    'werkelijk resultaat', 'huidig gedrag', 'huidig resultaat',
  ],
  environment: [
    'environment', 'env', 'environments', 'platform', 'platforms', 'os', 'operating system', 'browser', 'browsers',
    'device', 'devices', 'desktop', 'smartphone', 'user agent', 'user-agent', 'hardware', 'system', 'system info', 'configuration', 'config',
    'umgebung', 'environnement', 'entorno', 'ambiente', 'omgeving', 'plateforme', 'plataforma', 'navigateur', 'navegador',
  ],
  build: [
    'build', 'build id', 'build identifier', 'build number', 'build version', 'version', 'versions', 'app version',
    'product version', 'release', 'firmware', 'revision', 'commit', 'affected version', 'affects version',
    'found in', 'found in version', 'software version', 'test build', 'fix version',
    'versión', 'versão', 'versione', 'versie',
  ],
  frequency: [
    'frequency', 'reproducible', 'reproducibility', 'repro rate', 'reproduction rate', 'how often', 'occurrence',
    'occurs', 'reproduces', 'häufigkeit', 'reproduzierbar', 'fréquence', 'frequence', 'reproductible', 'frecuencia',
    'reproducible?', 'frequência', 'frequenza', 'frequentie',
  ],
  preconditions: [
    'preconditions', 'precondition', 'pre-conditions', 'pre-condition', 'prerequisites', 'prerequisite',
    'prereqs', 'prereq', 'given', 'setup', 'set up', 'set-up', 'before you start', 'requirements', 'pre-requisites',
    'voraussetzungen', 'vorbedingungen', 'prérequis', 'préconditions', 'precondiciones', 'requisitos previos',
    'pré-condições', 'pré-requisitos', 'precondições', 'precondizioni', 'voorwaarden',
  ],
  attachments: ['attachments', 'attachment', 'screenshots', 'screenshot', 'logs', 'log', 'log file', 'logs attached', 'video'],
  body: ['description', 'details', 'summary', 'problem', 'problem description', 'issue', 'bug', 'overview', 'context',
    'describe the bug', 'describe the issue', 'describe the problem', 'bug description', 'issue description', 'bug report', 'bug summary',
    'beschreibung', 'descripción', 'descrição', 'descrizione', 'beschrijving'],
  other: [
    'notes', 'note', 'additional information', 'additional info', 'more information', 'more info', 'additional details',
    'additional notes', 'additional context', 'workaround', 'work around', 'comments', 'comment', 'stack trace',
    'stacktrace', 'trace', 'backtrace', 'cause', 'root cause', 'analysis', 'fix', 'suggested fix', 'possible fix',
    'proposed fix', 'solution', 'proposed solution', 'impact', 'ps', 'p.s', 'update', 'edit', 'see also', 'related',
    'anmerkungen', 'hinweis', 'remarques', 'notas', 'note aggiuntive', 'opmerkingen',
  ],
};

const LABEL_KIND = new Map<string, SectionKind>();
for (const [kind, names] of Object.entries(LABELS) as [SectionKind, string[]][]) {
  for (const name of names) LABEL_KIND.set(name, kind);
}

/** Longest label head we try; longer heads are sentences, not labels. */
const MAX_HEAD = 48;
const MAX_HEAD_WORDS = 6;

export type LabelMatch = { kind: SectionKind; rest: string };

/** Strips list/markup decoration around a would-be label: "## **Steps to reproduce** :" → "steps to reproduce". */
function normaliseHead(s: string): string {
  let h = s.toLowerCase();
  // decoration characters at either end; loops are bounded by the head length
  let a = 0;
  let b = h.length;
  while (a < b && '#*_>=-–—[]()`|•+ \t'.includes(h[a]!)) a++;
  while (b > a && '#*_+=-–—[]()`|.?! \t'.includes(h[b - 1]!)) b--;
  h = h.slice(a, b);
  h = h.replace(/\(s\)/g, 's').replace(/\s+/g, ' ');
  return h;
}

/** First words of every label: a line whose first word is not among them cannot be a label (fast reject). */
const FIRST_WORDS = new Set<string>();
for (const name of LABEL_KIND.keys()) FIRST_WORDS.add(name.split(' ')[0]!);
/** Lower-case code of one character (ASCII fast, others through toLowerCase). */
const lowerCode = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c < 128 ? c : String.fromCharCode(c).toLowerCase().charCodeAt(0));
/**
 * First two characters of those words (every label word has at least two): most lines of a log or a paste ("0x1f …",
 * "click button 12") are rejected without a slice.
 */
const FIRST_PAIRS = new Set<number>([...FIRST_WORDS].map((w) => w.charCodeAt(0) * 65536 + w.charCodeAt(1)));

const LEADING_DECORATION = new Set([...'#*_>=-–—[]()`|•+ \t'].map((c) => c.charCodeAt(0)));

/** The first word of a line, lower-cased, after leading decoration; bounded by MAX_HEAD. */
function firstWord(s: string): string {
  let a = 0;
  const n = Math.min(s.length, MAX_HEAD + 8);
  while (a < n && LEADING_DECORATION.has(s.charCodeAt(a))) a++;
  if (a + 1 >= n || !FIRST_PAIRS.has(lowerCode(s.charCodeAt(a)) * 65536 + lowerCode(s.charCodeAt(a + 1)))) return '';
  let b = a;
  while (b < n && s[b] !== ' ' && s[b] !== ':' && s[b] !== '：' && s[b] !== '*' && s[b] !== '\t') b++;
  let w = s.slice(a, b).toLowerCase();
  while (w.length > 0 && '#*_+=-–—[]()`|.?! '.includes(w[w.length - 1]!)) w = w.slice(0, -1);
  return w.endsWith('(s)') ? w.slice(0, -3) + 's' : w;
}

function lookup(head: string): SectionKind | undefined {
  const direct = LABEL_KIND.get(head);
  if (direct) return direct;
  // "steps to reproduce the problem", "expected results (new)": drop up to 3 trailing words of a multi-word head.
  const words = head.split(' ');
  if (words.length > MAX_HEAD_WORDS) return undefined;
  for (let drop = 1; drop <= 3 && words.length - drop >= 2; drop++) {
    const k = LABEL_KIND.get(words.slice(0, words.length - drop).join(' '));
    if (k && k !== 'other' && k !== 'body') return k;
  }
  return undefined;
}

/**
 * Recognises a label at the start of a line: "Expected: it saves" → { kind: 'expected', rest: 'it saves' };
 * a heading-only line "Steps to reproduce" → { kind: 'steps', rest: '' }.
 */
export function matchLabel(line: string): LabelMatch | null {
  const trimmed = withoutWikiColour(line.trim());
  if (trimmed.length === 0) return null;
  const last = trimmed[trimmed.length - 1]!;
  if (last === '?' || last === '*' || last === '_' || last === ':' || last === '#') {
    const question = questionLabel(trimmed);
    if (question) return { kind: question, rest: '' };
  }
  if (!FIRST_WORDS.has(firstWord(trimmed))) return null;
  const window = trimmed.slice(0, MAX_HEAD + 8);
  const colon = findLabelColon(window);
  if (colon > 0) {
    const kind = lookup(normaliseHead(window.slice(0, colon)));
    if (kind) return { kind, rest: stripLeadingDecoration(trimmed.slice(colon + 1)) };
  }
  if (trimmed.length <= MAX_HEAD) {
    // A heading without colon; refuse sentences (a lone "Result" is a heading, "Result is wrong." is not).
    const kind = lookup(normaliseHead(trimmed));
    if (kind && (kind === 'steps' || kind === 'expected' || kind === 'actual' || kind === 'preconditions' || isHeadingLike(trimmed)))
      return { kind, rest: '' };
  }
  return null;
}

/** Jira wiki colour tags: "{color:#de350b}", "{color:red}", "{color}" (bounded, no nesting). */
const WIKI_COLOUR = /\{color(?::[^{}\n]{0,40})?\}/gi;

/**
 * "h4. {color:#de350b}Actual{color}", "{color:red}*Actual:*{color} …": the colour tags around a label are dropped, so
 * they hide neither the label nor its colon (the colon of "{color:red}" is no label colon). Only a line with a "{" in
 * its head is searched.
 */
function withoutWikiColour(s: string): string {
  const brace = s.lastIndexOf('{', MAX_HEAD + 8);
  return brace >= 0 && /\{color/i.test(s) ? s.replace(WIKI_COLOUR, '').trim() : s;
}

/** Longest question line read as a template heading ("How can we reproduce it (as minimally and precisely as possible)?"). */
const MAX_QUESTION = 160;
/** Wh-questions only: a yes/no question ("Does this issue reproduce with the latest release?") is answered "yes", not with steps. */
const QUESTION_OPENER = /^(?:what|how|which)\b/;
/** A template question speaks to the writer, or names what it asks for. */
const ASKS_WRITER = /\b(?:you|your|we|expected|expect|steps|reproduce)\b/;
const ASKS_STEPS = /\b(?:reproduce|reproducing|repro|reproduction|steps?|you do|you doing)\b/;
const ASKS_EXPECTED = /\bexpect/;
const ASKS_ACTUAL = /\b(?:instead|actual|actually|happened|happens|happening|went wrong|goes wrong|you see|you saw|observed?)\b/;
const ASKS_BUILD = /\bversions?\b/;
const ASKS_ENVIRONMENT = /\b(?:operating system|os|browser|platform|environment|device)\b/;

/**
 * The question headings of issue templates: "What did you do?", "What is the expected behavior?", "What did you see
 * instead?", "How can we reproduce it (as minimally and precisely as possible)?", "What version … are you using?". Read
 * by what the question names, not by a list of each template's wording. A question naming both results ("What is the
 * expected output? What do you see instead?") is prose (its sentences are read one at a time). A question that neither
 * speaks to the writer nor names steps or an expectation ("What has happened to the filters parameter?") is no label.
 */
function questionLabel(trimmed: string): SectionKind | null {
  if (trimmed.length > MAX_QUESTION) return null;
  let b = trimmed.length;
  while (b > 0 && '*_:# \t'.includes(trimmed[b - 1]!)) b--;
  if (trimmed[b - 1] !== '?') return null;
  const q = normaliseHead(trimmed);
  if (!QUESTION_OPENER.test(q) || !ASKS_WRITER.test(q)) return null;
  const expected = ASKS_EXPECTED.test(q);
  const actual = ASKS_ACTUAL.test(q);
  if (expected && actual) return 'body';
  if (ASKS_STEPS.test(q)) return 'steps';
  if (expected) return 'expected';
  if (actual) return 'actual';
  if (ASKS_BUILD.test(q)) return 'build';
  if (ASKS_ENVIRONMENT.test(q)) return 'environment';
  return null;
}

function isHeadingLike(s: string): boolean {
  return /^(#|\*\*|__|\[)/.test(s) || s.split(' ').length >= 2;
}

/** Position of ":" (or fullwidth "：", or " - ") ending a label head, or -1. */
function findLabelColon(s: string): number {
  for (let i = 1; i < s.length && i <= MAX_HEAD; i++) {
    const c = s[i];
    if (c === ':' || c === '：') {
      // "http://…" is not a label
      if (s[i + 1] === '/' ) return -1;
      return i;
    }
    if ((c === '-' || c === '–' || c === '—') && s[i - 1] === ' ' && s[i + 1] === ' ') return i;
  }
  return -1;
}

/** The markup closing a label before its text: "*Actual:* text", "_Expected:_ text", "+Actual:+ text". */
function stripLeadingDecoration(s: string): string {
  let a = 0;
  // A "+" is the end of a wiki underline only before a space ("+Actual:+ 25"), not a sign ("Actual: +5").
  while (a < s.length && ('*_ \t'.includes(s[a]!) || (s[a] === '+' && (a + 1 === s.length || s[a + 1] === ' ' || s[a + 1] === '\t')))) a++;
  return s.slice(a).trim();
}
