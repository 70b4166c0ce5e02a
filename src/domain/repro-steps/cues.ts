/**
 * Linguistic cues, tested one line at a time on at most CUE_WINDOW characters, so the cost is
 * linear in the text length. Every regex is a flat alternation of words (no nested quantifiers).
 */
import { WordGate } from './word-gate';

/** Characters of a line that cue regexes look at. */
export const CUE_WINDOW = 400;

/** Imperative verbs that open a reproduction step ("Open the file", "Click Save"). */
const IMPERATIVE =
  /^(?:then |and |now |next |finally |first |also )?(?:goto|open|re-?open|click|double[- ]click|right[- ]click|tap|go|navigate|browse|visit|load|reload|refresh|select|choose|pick|type|enter|input|press|hit|hold|create|make|add|insert|set|change|modify|edit|update|delete|remove|drag|drop|move|scroll|resize|minimi[sz]e|maximi[sz]e|close|quit|exit|restart|start|launch|run|execute|invoke|call|send|submit|post|request|upload|download|install|uninstall|configure|enable|disable|check|uncheck|toggle|switch|expand|collapse|log ?in|login|sign ?in|log ?out|logout|sign ?out|save|copy|paste|cut|import|export|build|compile|debug|deploy|write|define|declare|use|try|put|place|hover|mouse ?over|focus|wait|search|find|rename|share|like|print|zoom|view|show|hide|attach|connect|disconnect|point|define|apply|paste|fill|sort|filter|highlight|mark|restore|undo|redo|accept|cancel|confirm|dismiss|answer|plug|unplug|boot|reboot|shut ?down|kill|stop|pause|play|record|generate|refactor|format|step|set ?up|turn|put|give|leave|let|do|follow|observe|notice|see|look)\b/;

/** "When I open …", "if you click", "after the user saves", "once we …". */
const CONDITIONAL_ACTOR =
  /\b(?:when|whenever|if|after|once|while|before|as soon as|every time)\s(?:i|you|we|the user|a user|users|one|someone|anyone|they|he|she)\b/;

/** "when launching …", "after installing …", "while editing …", "on clicking". */
const CONDITIONAL_GERUND = /\b(?:when|whenever|after|while|before|on|upon|by)\s(?:[a-z]+-)?[a-z]+ing\b/;

/** First-person narrative of actions: "I opened …", "I click …", "we tried …". */
const FIRST_PERSON_ACTION =
  /\b(?:i|we)\s(?:then\s|just\s|also\s|now\s)?(?:open|opened|click|clicked|go|went|navigate|navigated|select|selected|type|typed|enter|entered|press|pressed|create|created|add|added|set|change|changed|edit|edited|delete|deleted|remove|removed|drag|dragged|close|closed|restart|restarted|start|started|launch|launched|run|ran|call|called|send|sent|submit|submitted|install|installed|upload|uploaded|load|loaded|visit|visited|try|tried|use|used|make|made|made|did|do|save|saved|copy|copied|paste|pasted|import|imported|export|exported|build|built|compile|compiled|write|wrote|put|choose|chose|switch|switched|resize|resized|invoke|invoked|execute|executed|request|requested|configure|configured|enable|enabled|disable|disabled|log|logged|sign|signed|have|had|get|got)\b/;

/** Explicit talk about reproducing. */
const REPRO_TALK =
  /\b(?:to reproduce|reproduce (?:it|this|the|with|by|using)|reproducible (?:with|by|using|on|in)|reproduced (?:it|this|with|by|on|using)|steps to|following steps|these steps|test ?case|testcase|sample code|code snippet|snippet|example code|following code|this code|minimal example|example:|for example|e\.g\.|here is how|here's how|the following)\b/;

/** Code (not a stack trace): a snippet often IS the reproduction in developer trackers. */
const CODE_LINE =
  /(?:^(?:import |package |public |private |protected |class |interface |function |def |var |let |const |return |#include|<\?php|<\w+[ >]|\$\w+\s?=|\w+\s?=\s?new |if ?\(|for ?\(|while ?\(|try ?\{|\}|\{$|@\w+)|;$|\)\s?\{$|=>)/;

/** Stack trace / crash dump lines. */
const TRACE_LINE =
  /^(?:at [\w$.<>]+[.(]|caused by:|\.\.\. \d+ more|traceback \(most recent call last\)|file ".*", line \d|#\d+\s+0x[0-9a-f]+|0x[0-9a-f]{6,}|exception in thread|[\w$]+(?:\.[\w$]+)+(?:exception|error)\b)/;

/** Expected behaviour. */
const EXPECTED =
  /\b(?:should|shouldn[' ]?t|(?:i|we|you|one|is|was|are|were|be|been|would|it's|it is|what i|what we) expected|expected (?:to|that|it|this|behaviou?r|result|results|output|value|outcome|a|an|the|no|nothing)|expect|expects|expecting|expectation|supposed to|instead of|rather than|it would be|there should|whereas|ideally|correct (?:format|behaviou?r|value|result|output|way)|would prefer|i'd prefer|(?:i|we) would like (?:it|the|this|that|to see)|ought to|would be (?:nice|better|preferable|ideal|correct|appropriate)|sollte|erwartet|devrait|attendu|debería|esperado|deveria|dovrebbe|zou moeten)\b/;

/**
 * Words of a failure: an error, a crash, something wrong, missing or not working; with the commonest failure words of
 * German, French, Spanish, Portuguese, Italian and Dutch, as the expected-result cue has theirs.
 */
const FAILURE_WORDS =
  "error|errors|exception|crash|crashes|crashed|crashing|fail|fails|failed|failing|failure|doesn[' ]?t|does not|doesnt|didn[' ]?t|did not|isn[' ]?t|is not|isnt|aren[' ]?t|are not|wasn[' ]?t|was not|won[' ]?t|will not|can[' ]?t|cannot|can not|couldn[' ]?t|could not|unable|not working|broken|breaks|hang|hangs|hung|freeze|freezes|frozen|stuck|wrong|wrongly|incorrect|incorrectly|invalid|missing|blank|empty|nothing|no longer|never|ignored|ignores|lost|disappear|disappears|disappeared|throws|thrown|threw|segfault|segmentation|leak|leaks|slow|timeout|timed out|garbage|corrupt|corrupted|mismatch|npe|duplicate|duplicated|" +
  'fehler|fehlermeldung|stürzt|absturz|funktioniert nicht|geht nicht|erreur|plante|ne fonctionne pas|ne marche pas|falla|fallo|no funciona|se cierra|se bloquea|erro|falha|trava|não funciona|errore|si blocca|non funziona|foutmelding|werkt niet|crasht';
/** Observed behaviour: a failure, or something shown, returned or happening ("returns 0", "shows the old name"). */
const ACTUAL = new RegExp(`\\b(?:${FAILURE_WORDS}|don[' ]?t|instead|only|but|however|returns|returned|shows|showed|shown|displays|displayed|appears|appeared|bad|null|undefined|warning|problem|issue|bug|still|gets|got|happens|happened|occurs|occurred|results in|resulted in|causes|caused|comes up|pops up|popped up)\\b`);

/**
 * The words of ACTUAL that state a failure on their own ("crashes", "error", "doesn't", "wrong"). ACTUAL's others
 * ("happens", "got", "problem", "shows", "but", "still") as often open an intro ("Happens on the mobile app:").
 */
const FAILURE = new RegExp(`\\b(?:${FAILURE_WORDS})\\b`);

/** A line that states a failure by itself: a FAILURE word, not a question, not an intro ending in ":". */
export function statesFailure(lower: string): boolean {
  const s = normaliseApostrophes(lower.length > CUE_WINDOW ? lower.slice(0, CUE_WINDOW) : lower).trimEnd();
  return !s.endsWith(':') && !s.endsWith('?') && FAILURE.test(s);
}

/**
 * How often it happens: "always", "sometimes", "1 in 5", "3 out of 10", "3/10 tries", "30% of the time" (not any
 * "240/250 seats", "12/03", "Step 5 of 7" or "VAT 19%").
 */
const FREQUENCY =
  /\b(?:always|every time|everytime|each time|consistently|sometimes|occasionally|intermittent|intermittently|randomly|rarely|sporadic|sporadically|often|frequently|reproducible|not reproducible|reproduces|once in a while|from time to time|\d+\s?(?:in|out of)\s?\d+|\d+\s?(?:of|\/)\s?\d+ (?:times|tries|attempts|runs)|\d+\s?% of (?:the )?(?:time|runs|tries|attempts))\b/;

/**
 * Without a digit, FREQUENCY and BUILD can only match through their word branches: these regexes, which WordGate can
 * read (so a line without any of the words skips them).
 */
const FREQUENCY_WORDS =
  /\b(?:always|every time|everytime|each time|consistently|sometimes|occasionally|intermittent|intermittently|randomly|rarely|sporadic|sporadically|often|frequently|reproducible|not reproducible|reproduces|once in a while|from time to time)\b/;
const BUILD_WORDS = /\b(?:rc|beta|trunk|nightly build|latest nightly|today's nightly|current nightly|firefox nightly|chrome nightly|snapshot build|snapshot version)\b/;
const hasDigit = (s: string): boolean => /\d/.test(s);

/**
 * A build or version. "1.2.3" is one, but not a day.month.year date ("12.03.2024"); the lookarounds are bounded (no
 * nested quantifier). An IPv4 address ("10.0.3.4:5432") still reads as one: leaving it out lowered the held-out F1 of
 * the observed result (5-fold CV 0.455 → 0.404), whose model weighs meta:build and finds IPs in the log lines of httpd
 * reports; it needs a feature of its own first.
 */
const BUILD =
  /\b(?:build(?: id| identifier| number)?\s?[:#]?\s?[\w.-]*\d|version\s?:?\s?v?\d|v\d+\.\d+|(?<![\d.])(?!(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:19|20)\d\d(?!\d))\d+\.\d+\.\d+|\d+\.\d+(?:\.x| beta| rc| alpha| m\d)|[ihmnrs]20\d{6}(?:-\d{4})?|20\d{6}-\d{4}|\d{8}(?:-\d{4})?|r\d+\.\d|release \d|(?:rc|beta|trunk|nightly build|latest nightly|today's nightly|current nightly|firefox nightly|chrome nightly|snapshot build|snapshot version)\b)/;

const ENVIRONMENT =
  /\b(?:windows|win ?(?:xp|7|8|10|11|2000|2k|32|64|nt|vista)|linux|ubuntu|debian|fedora|red ?hat|centos|suse|solaris|aix|hp-ux|freebsd|unix|gtk|motif|kde|gnome|mac ?os|macos|os ?x|osx|macintosh|ios|iphone|ipad|android|chrome|chromium|firefox|safari|edge|internet explorer|ie ?\d|opera|jdk|jre|java \d|jvm|node(?:\.?js)? v?\d|python \d|php \d|x86|x64|amd64|arm64|64-?bit|32-?bit|user-agent|mozilla\/\d|gecko|webkit|browser|operating system|platform|device)\b/;

const ATTACHMENT =
  /(?:\battach(?:ed|ment|ments|ing)?\b|\bscreen ?shots?\b|\bscreen ?cast\b|\bvideo\b|\blog ?files?\b|\bsee (?:the )?(?:log|logs|trace|file|image|picture)\b|\[attachment|\.(?:png|jpe?g|gif|log|txt|zip|har|mp4)\b)/;

/** "I can't reproduce it", "unable to re-create", "not sure how to reproduce": the writer has no steps. */
const CANNOT_REPRO =
  /\b(?:can ?not|can[' ]?t|cannot|could ?n[' ]?t|could not|unable to|not able to|fail(?:ed)? to|no way to|not sure how to|do ?n[' ]?t know how to|no idea how to|haven[' ]?t been able to|have not been able to|never been able to|hard to|difficult to)\s(?:re-?produce|re-?create|replicate|repro)\b|\bnot (?:re-?producible|consistently reproducible)\b|\bunsure how to\b|\bno (?:steps|reproducible (?:case|steps))\b/;

/** A menu or navigation path: "Window > Preferences > Java", "File -> Save As", "Settings → Privacy". */
const MENU_PATH = /\w ?(?:->|=>|→|»|>>) ?\w|[a-z]{2} > [a-z]{2}/;
/** Every MENU_PATH match holds one of these, so a line without any skips the regex (most lines). */
const hasArrow = (s: string): boolean => s.includes('>') || s.includes('→') || s.includes('»');

/** Sequence words that chain actions in prose: "then", "after that", "next", "and now". */
const SEQUENCE = /\b(?:then|after that|afterwards|next,|and now|finally|subsequently|followed by|once done|at this point)\b/;

/** Wording of a feature request or proposal rather than a failure. */
const REQUEST =
  /\b(?:it would be (?:nice|great|good|useful|helpful|better)|would be (?:nice|great|useful|helpful)|feature request|enhancement|please (?:add|support|provide|allow|consider|make)|add (?:support|an option|a way|the ability)|(?:we|i) (?:need|want) (?:a|an|the ability|to be able)|suggest(?:ion|ed|s)?|propos(?:e|al|ed)|wouldn[' ]?t it be|it would be|should (?:be able to|support|allow|provide|offer|have)|allow (?:users?|us|me) to)\b/;

/** Obligation: "must", "needs to", "has to" — common way to state expected behaviour without "should". */
const OBLIGATION = /\b(?:must|needs? to|has to|have to|ought to|is required to|are required to|requires?|need to be)\b/;

/** The behaviour is right elsewhere: "works fine in 3.0", "worked correctly before", "IE renders it properly". */
const WORKS_ELSEWHERE =
  /\b(?:works?|worked|working|renders?|rendered|behaves?|displays?|displayed|shows?|showed) (?:fine|correctly|properly|well|ok|okay|as (?:expected|intended|designed)|right|perfect(?:ly)?|normally)\b|\b(?:used to (?:work|be)|was working|previously worked|correct(?:ly)? (?:in|on|with|before))\b/;

/** A wish for a change: "please remove …", "can it be added back?", "I hope this will be …", "needs a checkbox". */
const WISH =
  /\b(?:please (?:add|remove|revert|change|make|allow|support|provide|consider|restore|implement|include|update|rename|move|bring|put|use|keep|let|fix (?:it|this|the) (?:so|to))|(?:can|could|would) (?:it|this|that|they) (?:be|please be)|can (?:you|we) (?:please )?(?:allow|add|make|change|support|provide|restore|remove)|i hope (?:it|this|that|you|the)|(?:needs|need) (?:a|an|the|to be|support|checkbox|option)|it (?:must|has to|needs to) be|better (?:to|if|would be)|(?:works?|worked|working|is fine|was fine|renders? (?:fine|correctly|properly)?) (?:in|on|with|for|under) (?:the )?(?:old(?:er)?|previous|earlier|v?\d|ff ?\d|firefox \d|ie ?\d|internet explorer|chrome|safari|opera|windows|linux|mac|other|all other))\b/;

/** "works as expected" / "as expected" describe what happens, not what should: not an expected-result cue. */
const AS_EXPECTED = /\bas (?:expected|intended|designed|it should)\b/;

/** Words that name the right/wrong state: "correct", "properly", "instead". */
const CORRECTNESS = /\b(?:correct|correctly|properly|proper|right one|instead|rather|desired|intended|appropriate|appropriately|the same as|consistent with)\b/;

/** A URL; web reports often reproduce by "go to <url>". */
const URL_CUE = /\b(?:https?:\/\/|www\.)\S/;

/**
 * A user interaction anywhere in a line, in any inflection ("right clicking on the project and selecting
 * Update", "(open PDE, select plugin.xml)", "after I typed …"). Stems + a closed set of endings, flat.
 */
const INTERACTION =
  /\b(?:(?:right|double|left|ctrl|shift|cmd|alt)[- ]?)?(?:click|tap|select|press|type|drag|drop|scroll|hover|navigate|browse|choose|chose|chosen|enter|submit|upload|download|paste|copy|rename|resize|refresh|reload|log ?in|sign ?in|log ?out|open|launch|install|uninstall|restart|check|uncheck|toggle|expand|collapse|minimi[sz]e|maximi[sz]e|close|save|edit|delete|insert|invoke|execute|run|visit|go|went|hit|zoom|focus|switch|highlight|right-click|double-click)(?:s|es|ed|d|ing|ping|ging|ning|ming|ting)?\s(?:on|to|the|a|an|it|this|that|in|into|from|with|any|some|my|your|our|all|one|two|\d|"|'|\w+\s(?:button|menu|tab|link|icon|field|dialog|window|page|view|option|item|file|project|box|key))\b/;

/** A line opening with a participle clause: "Opening 2 editors, …", "Editing a plugin.xml, …", "Using build …". */
const GERUND_START = /^(?:after |when |while |on |upon |by |before )?[a-z]{3,}ing\s(?:a|an|the|my|your|our|this|that|some|any|\w+\s\w)/;

/** "I renamed …", "we changed …", "I have installed …": a past action of the writer, any verb. */
const FIRST_PERSON_PAST = /\b(?:i|we)(?:'ve| have| had| then| just| also| first| now|'m| am| was| were)?\s(?:[a-z]{2,}ed|tried|made|went|ran|set|put|got|saw|chose|wrote|built|did|took|began|trying|attempting|using|running|creating|adding|clicking|opening|selecting)\b/;

/** Function words of English prose; a line with none of them and some technical character is literal (config, command, code). */
const PROSE_WORD = /(?:^|[\s(])(?:the|a|an|is|are|was|were|be|to|of|and|in|it|that|this|i|we|you|not|but|with|for|on|when|if|my|as|at|by|or|so|there|have|has|does|do|can|will)(?=[\s,.;:!?)]|$)/;
const TECH_CHAR = /[=\/<>{}();$%#@\[\]\\|]|\w_\w|\w\.\w|^-{1,2}\w|[a-z][A-Z]/;

/** "if you …", "you will see …", "you get …": the reader is walked through it. */
const SECOND_PERSON = /\b(?:you|users?|one) (?:can|will|then|get|see|click|open|go|type|select|try|have|need|must|should|are|enter|press|add|put|create|visit|navigate|run|load)\b/;

export type LineCues = {
  imperative: boolean;
  conditional: boolean;
  firstPerson: boolean;
  reproTalk: boolean;
  code: boolean;
  trace: boolean;
  expected: boolean;
  actual: boolean;
  frequency: boolean;
  build: boolean;
  environment: boolean;
  attachment: boolean;
  cannotRepro: boolean;
  interaction: boolean;
  wish: boolean;
  literal: boolean;
  secondPerson: boolean;
  gerundStart: boolean;
  firstPersonPast: boolean;
  menuPath: boolean;
  sequence: boolean;
  request: boolean;
  obligation: boolean;
  worksElsewhere: boolean;
  asExpected: boolean;
  correctness: boolean;
  url: boolean;
  question: boolean;
};

/** A line that opens with an exception's name: what a trace says happened (Python's comes last, Java's first). */
const EXCEPTION_LINE = /^[\w$.]*(?:error|exception)\b/;
export const opensWithException = (lower: string): boolean => EXCEPTION_LINE.test(lower.trimStart());

/** A stack-trace line or an exception's own line: cuesOf(lower).trace || opensWithException(lower), without the other cues. */
export function isTraceLine(lower: string): boolean {
  return TRACE_LINE.test(lower.length > CUE_WINDOW ? lower.slice(0, CUE_WINDOW) : lower) || opensWithException(lower);
}

/**
 * "Filter is reset", "Search results are empty", "Export to CSV does nothing": the verb-looking first word is the subject
 * noun when a finite verb follows it within three words.
 */
const NOUN_SUBJECT =
  /^(?:then |and |now |next |finally |first |also )?[a-z-]+(?: [a-z0-9-]+){0,2} (?:is|isn't|was|wasn't|are|aren't|were|has|hasn't|have|had|does|doesn't|did|didn't|should|shouldn't|can't|cannot|won't|will|would|gets|got|seems|appears|shows|returns|keeps|stays|becomes|fails|works|stops|breaks|crashes|hangs)\b/;

/**
 * A line whose imperative-looking opening is a noun subject. The imperative cue and the inferred-step count (model
 * inputs) still count it (held out, leaving it out lowered S2R and EB F1 by up to 0.009), but it is not shown as a step.
 */
export function opensWithNounSubject(lower: string): boolean {
  return NOUN_SUBJECT.test(stripListMarker(lower));
}

/**
 * The word regexes a line is checked against: WordGate (word-gate.ts) tells in one pass over the line which of them
 * cannot match, and those are not run (a regex missing from here is always run).
 */
const GATE = new WordGate([
  CONDITIONAL_ACTOR, CONDITIONAL_GERUND, FIRST_PERSON_ACTION, REPRO_TALK, EXPECTED, ACTUAL, ENVIRONMENT, CANNOT_REPRO,
  SEQUENCE, REQUEST, OBLIGATION, WORKS_ELSEWHERE, WISH, AS_EXPECTED, CORRECTNESS, URL_CUE, FIRST_PERSON_PAST, SECOND_PERSON,
  INTERACTION, FREQUENCY_WORDS, BUILD_WORDS,
]);
export const gatedCueRegexes = (): RegExp[] => GATE.gated();

/** A test of regexes on s that skips the ones the gate rules out. */
function gatedTest(s: string): (re: RegExp) => boolean {
  const candidates = GATE.candidates(s);
  return (re) => GATE.mayMatch(re, candidates) && re.test(s);
}

/** All cues of one line; `lower` is the trimmed, lower-cased line. */
export function cuesOf(lower: string): LineCues {
  // Typographic apostrophes (’ ‘ ´) read as ASCII ones, so "doesn’t" matches like "doesn't".
  const s = normaliseApostrophes(lower.length > CUE_WINDOW ? lower.slice(0, CUE_WINDOW) : lower);
  const stripped = stripListMarker(s);
  const test = gatedTest(s);
  const digit = hasDigit(s);
  return {
    imperative: IMPERATIVE.test(stripped),
    conditional: test(CONDITIONAL_ACTOR) || test(CONDITIONAL_GERUND),
    firstPerson: test(FIRST_PERSON_ACTION),
    reproTalk: test(REPRO_TALK),
    code: CODE_LINE.test(s),
    trace: TRACE_LINE.test(s),
    expected: test(EXPECTED),
    actual: test(ACTUAL),
    frequency: digit ? FREQUENCY.test(s) : test(FREQUENCY_WORDS),
    build: digit ? BUILD.test(s) : test(BUILD_WORDS),
    environment: test(ENVIRONMENT),
    attachment: ATTACHMENT.test(s),
    cannotRepro: test(CANNOT_REPRO),
    interaction: test(INTERACTION),
    wish: test(WISH),
    literal: isLiteral(s),
    secondPerson: test(SECOND_PERSON),
    gerundStart: GERUND_START.test(stripped),
    firstPersonPast: test(FIRST_PERSON_PAST),
    menuPath: hasArrow(s) && MENU_PATH.test(s),
    sequence: test(SEQUENCE),
    request: test(REQUEST),
    obligation: test(OBLIGATION),
    worksElsewhere: test(WORKS_ELSEWHERE),
    asExpected: test(AS_EXPECTED),
    correctness: test(CORRECTNESS),
    url: test(URL_CUE),
    question: s.endsWith('?'),
  };
}

/** The cues that tell a build / environment / frequency line from a result line (a subset of cuesOf, for speed). */
export function metaCues(lower: string): Pick<LineCues, 'build' | 'environment' | 'frequency' | 'expected' | 'actual'> {
  const s = normaliseApostrophes(lower.length > CUE_WINDOW ? lower.slice(0, CUE_WINDOW) : lower);
  const build = BUILD.test(s);
  const frequency = FREQUENCY.test(s);
  const environment = ENVIRONMENT.test(s);
  const meta = build || frequency || environment;
  return { build, environment, frequency, expected: meta && EXPECTED.test(s), actual: meta && ACTUAL.test(s) };
}

export type SentenceCues = { stepLike: boolean; expected: boolean; observed: boolean };

/** sentenceCues of a line whose cuesOf is known (the same regexes on the same window, so the same answer). */
export function sentenceCuesFrom(c: LineCues): SentenceCues {
  return { stepLike: c.imperative || c.conditional || c.firstPerson || c.interaction, expected: c.expected && !c.asExpected, observed: c.actual };
}

/** The key under which a line's sentence cues are remembered: what text-features.ts looks up for a one-sentence line. */
export function sentenceKey(lower: string): string {
  return normaliseApostrophes(lower);
}

/**
 * The few cues the sentence-level features of text-features.ts need (a subset of cuesOf, for speed).
 * `lower`: a lower-cased sentence with ASCII apostrophes.
 */
export function sentenceCues(lower: string): SentenceCues {
  const s = lower.length > CUE_WINDOW ? lower.slice(0, CUE_WINDOW) : lower;
  const stripped = stripListMarker(s);
  const test = gatedTest(s);
  return {
    stepLike: IMPERATIVE.test(stripped) || test(CONDITIONAL_ACTOR) || test(CONDITIONAL_GERUND) || test(FIRST_PERSON_ACTION) || test(INTERACTION),
    expected: test(EXPECTED) && !test(AS_EXPECTED),
    observed: test(ACTUAL),
  };
}

/** Config lines, commands, code, markup, request lines: no prose function word, some technical character. */
function isLiteral(lower: string): boolean {
  return lower.length >= 3 && !PROSE_WORD.test(lower) && TECH_CHAR.test(lower);
}

const APOSTROPHES = /[\u2018\u2019\u00b4\u02bc`]/g;
function normaliseApostrophes(s: string): string {
  return s.indexOf('\u2019') >= 0 || s.indexOf('\u2018') >= 0 || s.indexOf('\u00b4') >= 0 || s.indexOf('\u02bc') >= 0 || s.indexOf('`') >= 0
    ? s.replace(APOSTROPHES, "'")
    : s;
}

/** "1. foo", "2) foo", "(3) foo", "3 foo", "- foo", "* foo", "• foo", "a) foo", "step 4: foo" → the marker, else null. */
export function listMarker(s: string): { ordered: boolean; length: number } | null {
  let i = 0;
  while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
  const start = i;
  const c = s[i];
  if (c === '-' || c === '*' || c === '•' || c === '+' || c === '–' || c === '·' || c === '>') {
    if (s[i + 1] === ' ' || s[i + 1] === '\t') return { ordered: false, length: i + 2 };
    return null;
  }
  // "(1) foo" / "(a) foo"
  if (c === '(' && s[i + 2] === ')' && s[i + 3] === ' ' && /[1-9a-h]/i.test(s[i + 1] ?? '')) return { ordered: true, length: i + 4 };
  if (c === '(' && s[i + 3] === ')' && s[i + 4] === ' ' && /[1-9]/.test(s[i + 1] ?? '') && /[0-9]/.test(s[i + 2] ?? '')) return { ordered: true, length: i + 5 };
  if (s.slice(i, i + 5).toLowerCase() === 'step ') i += 5;
  let digits = 0;
  while (i < s.length && digits < 4 && s[i]! >= '0' && s[i]! <= '9') {
    i++;
    digits++;
  }
  if (digits === 0) {
    // "a) foo" / "b. foo"
    const ch = s[start];
    if (ch && /[a-h]/i.test(ch) && (s[start + 1] === ')' || s[start + 1] === '.') && s[start + 2] === ' ')
      return { ordered: true, length: start + 3 };
    return null;
  }
  if (digits === 4) return null; // a year, not a step number
  if (s[i] === '.' || s[i] === ')' || s[i] === ':' || s[i] === '-') i++;
  if (i >= s.length) return { ordered: true, length: i }; // "2" alone: an empty template item
  if (s[i] !== ' ' && s[i] !== '\t') return null;
  return { ordered: true, length: i + 1 };
}

/**
 * A list marker, or a Jira wiki one: "# item" (numbered), "** item", "#* item" (nested). Only for lines known to
 * be steps (a steps section, a paste): in free prose "# …" is as often a markdown heading or a shell comment.
 */
export function stepListMarker(s: string): { ordered: boolean; length: number } | null {
  const m = listMarker(s);
  if (m) return m;
  let i = 0;
  while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
  const c = s[i];
  if (c !== '#' && c !== '*') return null;
  let j = i;
  while (j < s.length && j - i < 3 && (s[j] === '#' || s[j] === '*')) j++;
  return s[j] === ' ' || s[j] === '\t' ? { ordered: c === '#', length: j + 1 } : null;
}

export function stripListMarker(s: string): string {
  const m = listMarker(s);
  return m ? s.slice(m.length).trim() : s.trim();
}

export const cueRegexes = { EXPECTED, ACTUAL, FREQUENCY, BUILD, ENVIRONMENT, ATTACHMENT, IMPERATIVE, TRACE_LINE, MENU_PATH };

/** "When I …", "If you …", "After the user …": the opener of a run-on reproduction sentence. */
const RUN_ON_OPENER = /^(?:when|whenever|if|after|once|as soon as|every time)\s+(?:i|you|we|the user|a user|users|someone|one)\s+/i;
/** Joints between the actions of a run-on sentence: "and", "and then", "then", a comma. */
const ACTION_JOINT = /\s*,\s*(?:and\s+)?(?:then\s+)?|\s+and\s+then\s+|\s+and\s+|\s+then\s+/i;
const ACTOR = /^(?:i|you|we|the user|a user|users|someone|one)\s+/;
/** Past and third-person forms of the step verbs: "opened", "clicks", "typed". */
const INFLECTED_ACTION =
  /^(?:opened|opens|clicked|clicks|tapped|taps|selected|selects|typed|types|entered|enters|pressed|presses|saved|saves|closed|closes|dragged|drags|dropped|drops|chose|chooses|navigated|navigates|went|goes|added|adds|deleted|deletes|removed|removes|changed|changes|edited|edits|created|creates|submitted|submits|uploaded|uploads|loaded|loads|reloaded|reloads|scrolled|scrolls|renamed|renames|switched|switches|ran|runs|started|starts|launched|launches|pasted|pastes|copied|copies|hit|hits|logged|logs|signed|signs|tried|tries|used|uses|set|sets|moved|moves|resized|resizes|installed|installs|restarted|restarts)\b/;

/**
 * A sentence that is a chain of two or more actions, with the failure after its last comma or in the next sentence:
 * "Open the cart, add two items and click Checkout." + "The page crashes." → { actions: ['Open the cart', 'Add two
 * items', 'Click Checkout'], failure: 'The page crashes' }. Null when either sentence is not that shape.
 */
export function imperativeChain(sentence: string, next: string | undefined): { actions: string[]; failure: string } | null {
  const s = sentence.trim().slice(0, CUE_WINDOW).replace(/[.!]+$/, '');
  // "Open X and click Y" or "I logged in, opened X and clicked Y".
  if (!IMPERATIVE.test(s.toLowerCase()) && !FIRST_PERSON_START.test(s)) return null;
  // "Create a draft and press Save, the app crashes": the failure after the last comma; else the next sentence.
  const lastComma = s.lastIndexOf(',');
  const inSentence = lastComma > 0 ? failureOf(s.slice(lastComma + 1)) : null;
  const failure = inSentence ?? (next === undefined ? null : failureOf(next));
  if (failure === null) return null;
  const actions = actionClauses(inSentence ? s.slice(0, lastComma) : s);
  return actions ? { actions, failure: capitalise(failure) } : null;
}

/** "open the shop, add two items and go to checkout" → its 2–12 actions (capitalised, without "I"); null otherwise. */
export function actionClauses(chain: string): string[] | null {
  const sentence = chain.slice(0, CUE_WINDOW).replace(/[.!]+$/, '');
  if (/[.!?]\s/.test(sentence)) return null; // one sentence only
  const pieces = sentence.split(ACTION_JOINT).map((p) => withoutActor(p)).filter((p) => p !== '');
  if (pieces.length < 2 || pieces.length > 12 || !pieces.every(isActionClause)) return null;
  return pieces.map(capitalise);
}

const FIRST_PERSON_START = /^(?:i|we)\s/i;

/**
 * "The VAT line says 19%, so it should be 20%" → { actual: 'The VAT line says 19%', expected: 'it should be 20%' }: a
 * sentence that states what happened, then (after a comma) what should. Null unless both halves carry their cue.
 */
export function splitResultSentence(sentence: string): { actual: string; expected: string } | null {
  const s = sentence.slice(0, CUE_WINDOW);
  const lower = normaliseApostrophes(s.toLowerCase());
  const m = EXPECTED.exec(lower);
  if (!m) return null;
  const comma = lower.lastIndexOf(', ', m.index);
  if (comma <= 0) return null;
  const actual = s.slice(0, comma).trim();
  if (!ACTUAL.test(lower.slice(0, comma))) return null;
  const expected = s.slice(comma + 2).trim().replace(/^(?:so|and|but|which|whereas|while)\s+/i, '');
  return { actual, expected: capitalise(expected) };
}

/** A clause stating a failure ("the app crashes"), without its closing punctuation; null for any other clause. */
function failureOf(clause: string): string | null {
  const whole = clause.trim().slice(0, CUE_WINDOW).replace(/^(?:then|and)\s+/i, '').replace(/[.!]+$/, '');
  const f = splitResultSentence(whole)?.actual ?? whole;
  return f !== '' && ACTUAL.test(normaliseApostrophes(f.toLowerCase())) && !isActionClause(f) ? f : null;
}

export const capitalise = (s: string): string => (s === '' ? s : s[0]!.toUpperCase() + s.slice(1));

/** "I opened settings" → "opened settings". */
export function withoutActor(clause: string): string {
  const m = ACTOR.exec(clause.trim().toLowerCase());
  return m ? clause.trim().slice(m[0].length) : clause.trim();
}

/** A clause that is one action: "open X", "click Save", "I opened settings", "clicked Save". */
export function isActionClause(clause: string): boolean {
  const p = clause.trim().toLowerCase().replace(ACTOR, '');
  return IMPERATIVE.test(p) || INFLECTED_ACTION.test(p);
}

/**
 * A single sentence that walks through two or more actions and ends in the failure:
 * "When I open X and click Y, Z crashes" → { actions: ['Open X', 'Click Y'], failure: 'Z crashes' }.
 * Flat regexes on at most CUE_WINDOW characters; null when the sentence is not that shape.
 */
export function runOnSteps(sentence: string): { actions: string[]; failure: string } | null {
  const s = sentence.trim().slice(0, CUE_WINDOW);
  const opener = RUN_ON_OPENER.exec(s);
  if (!opener) return null;
  // The failure is the clause after the last comma; everything before it is the chain of actions.
  const body = s.slice(opener[0].length);
  const lastComma = body.lastIndexOf(',');
  if (lastComma <= 0) return null;
  const failure = body.slice(lastComma + 1).trim().replace(/^(?:then|and)\s+/i, '').replace(/[.!]+$/, '');
  if (failure === '' || !ACTUAL.test(normaliseApostrophes(failure.toLowerCase()))) return null;
  const actions = actionClauses(body.slice(0, lastComma));
  return actions ? { actions, failure: capitalise(failure) } : null;
}
