/**
 * Pasted mail. L2 support pastes customer e-mails into the field's editor; the greeting, the sign-off and the signature
 * under it, reply and forward headers, quoted lines and legal disclaimers are no part of the report.
 */
import { capitalise, cuesOf, statesFailure, stepListMarker } from './cues';
import { matchLabel } from './labels';
import { MAX_LINE, SENTENCE_BREAK } from './parse-sections';

/** A fence line of a code block (markdown or Jira wiki). */
export const FENCE = /^\s*(?:```|\{code|\{noformat)/;
/** The words that say what a sentence is about (four or more letters or digits: "the", "to", "is" say little). */
export const wordsOf = (s: string): string[] => (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 4);

const GREETING_WORD = String.raw`(?:hi|hello|hey|hiya|dear|greetings|good (?:morning|afternoon|evening|day)|hallo|guten (?:morgen|tag)|liebe[rs]?|bonjour|salut|hola|buenos d[ií]as|buongiorno|ciao|ol[aá]|bom dia|hoi)`;
const NAME_WORD = String.raw`\s+[\p{L}'.&-]+`;
/** "Hi team,", "Hello Anna,", "Dear support team,", "Hi all": a line that is only a greeting. */
const GREETING_LINE = new RegExp(`^${GREETING_WORD}(?:(?:${NAME_WORD}){0,3}\\s*[,!:]|(?:${NAME_WORD}){0,2}\\s*\\.?)$`, 'iu');
/** "Hi, since Friday …", "Hello Anna, when I …": a greeting in front of the mail's first sentence. */
const GREETING_PREFIX = new RegExp(`^\\s*${GREETING_WORD}(?:${NAME_WORD}){0,3}\\s*[,!]\\s+(?=\\S)`, 'iu');
/** "Best regards,", "Thanks,", "Kind regards", "Cheers", "Thank you in advance,": the sign-off (a name may follow it). */
const SIGN_OFF =
  /^(?:(?:best|kind|kindest|warm|warmest|many|with (?:best|kind)) (?:regards|wishes|thanks)|thanks (?:again|a lot|so much|in advance)|thank you (?:again|so much|very much|in advance)|many thanks|thank you|thanks|thx|tia|regards|best|cheers|sincerely|yours (?:sincerely|truly|faithfully)|all the best|talk soon|br|mit freundlichen gr(?:ü|ue)(?:ß|ss)en|(?:viele|beste|liebe) gr(?:ü|ue)(?:ß|ss)e|mfg|cordialement|bien (?:à vous|cordialement)|un saludo|saludos|atentamente|cordiali saluti|distinti saluti|cumprimentos|atenciosamente|met vriendelijke groet(?:en)?|groeten|lg|vg)[,.!]*/i;
/** After a sign-off: at most two capitalised words ("Marta", "Leo K.", "Ben"). */
const SIGNED_NAME = /^(?:\s+\p{Lu}[\p{L}'.-]*){0,2}[,.!]?$/u;
const SENT_FROM = /^(?:sent from (?:my|outlook|mail|yahoo)|get outlook for|sent (?:via|with) \S|von meinem .{0,40}gesendet|envoy[ée] de mon|enviado desde mi|inviato da)/i;
/** "On Tue, 3 Mar 2026 at 10:12, Anna <a@b.c> wrote:" and its other languages' forms. */
const REPLY_HEADER = /^(?:on|am|le|el|op|il|em)\s.{0,300}?\s(?:wrote|schrieb|a écrit|escribió|schreef|ha scritto|escreveu)\s?:$/iu;
const ORIGINAL_MESSAGE = /^-{2,}\s*(?:original message|ursprüngliche nachricht|message d'origine|mensaje original|messaggio originale|oorspronkelijk bericht|mensagem original)\s*-{2,}$|^_{8,}$/i;
const FORWARDED_MESSAGE = /^(?:-{2,}\s*(?:forwarded message|weitergeleitete nachricht|message transféré|mensaje reenviado|messaggio inoltrato|doorgestuurd bericht|mensagem encaminhada)\s*-{2,}|begin forwarded message:?)$/i;
/** "From: … / Sent: … / To: … / Subject: …" (Outlook bolds the names). */
const HEADER_LINE = /^\*{0,2}(from|sent|to|cc|bcc|subject|date|reply-to|von|gesendet|an|betreff|datum|de|envoyé|à|objet|para|asunto|enviado|fecha|da|inviato|oggetto|van|verzonden|aan|onderwerp)\*{0,2}\s?:/i;
const FROM_KEYS = new Set(['from', 'von', 'de', 'da', 'van']);
const DATE_OR_SUBJECT_KEYS = new Set(['sent', 'subject', 'date', 'gesendet', 'betreff', 'datum', 'envoyé', 'objet', 'asunto', 'enviado', 'fecha', 'inviato', 'oggetto', 'verzonden', 'onderwerp']);
const FORWARDED_SUBJECT = /^\*{0,2}(?:subject|betreff|objet|asunto|oggetto|onderwerp)\*{0,2}\s?:\s*(?:fwd?|wg|tr|rv|doorst)\s?:/i;
const MAX_HEADER_LINES = 10;
/** A legal disclaimer or an "external sender" banner: a paragraph that opens like one and says what one says. */
const DISCLAIMER_OPENER =
  /^[*_[(\s]{0,3}(?:confidential|disclaimer|legal|important|notice|privileged|caution|external|warning|this (?:e-?mail|message|communication|transmission)|the (?:information|contents?)|any (?:views|opinions)|please consider)/i;
const DISCLAIMER_CUE =
  /confidential|privileged (?:and|or|information|material)|intended (?:solely |only )?for the (?:use|named|addressee|person|individual|recipient)|intended recipient|received this (?:e-?mail|message|communication|transmission) in error|unauthori[sz]ed (?:use|review|disclosure|copying|distribution|dissemination)|originated (?:from )?outside|environment before printing|(?:views|opinions) expressed/i;
const DISCLAIMER_WINDOW = 400;
const QUOTE_MARKS = /^(?:>[ \t]?)+/;
/** Signature lines are short: a name, a job title, a phone number, a company. */
const SIGNATURE_CHARS = 80;
/** A phone number, an e-mail address, "Title | Company", "Tel:": contact details of a signature. */
const PHONE_OR_ADDRESS = /\+?\d[\d ()./-]{6,}\d|\S@[\w-]+\.|\s\|\s|^(?:tel|phone|mobile|mob|cell|fax|office|direct)\b/i;
/** The same or a web address (under the signature; further down, a link is as often the page the bug is on). */
const CONTACT_DETAIL = new RegExp(`${PHONE_OR_ADDRESS.source}|https?:\\/\\/|www\\.`, 'i');

export type PastedMail = {
  /** The message as written, without mail furniture (greeting, sign-off, signature, headers, disclaimers, quotes). */
  body: string;
  /** The quoted lines ("> …") and the quoted thread under a reply header, without their quote marks. */
  quoted: string;
};

/**
 * Reads a pasted text as the mail it may be: the greeting, the sign-off and the signature under it, "Sent from my
 * iPhone", reply and forward headers and legal disclaimers are dropped; the thread under a reply header, and "> …" lines
 * in a paste that holds a reply header (elsewhere "> " is a blockquote or a shell prompt), are the quoted mail. A
 * forwarded mail is read as the message. Text that is no mail comes back unchanged. One pass; regexes anchored and flat.
 */
export function readPastedMail(text: string): PastedMail {
  const lines = text.split(/\r\n|\r|\n/);
  const body: string[] = [];
  const quoted: string[] = [];
  /** Positions in body of "> …" lines: dropped from it when the paste holds a reply header. */
  const marked = new Set<number>();
  /** A greeting, sign-off, header or disclaimer was read. */
  let mail = false;
  /** A reply or forward header was read: "> …" lines are quoted mail. */
  let replied = false;
  /** The current message has content above: a reply header now opens the quoted thread. */
  let content = false;
  let zone: 'body' | 'signature' | 'quoted' = 'body';
  /** In the signature zone: still in the block right under the sign-off (a later paragraph must look like contact details). */
  let signatureBlock = false;
  let signatureLines = 0;
  /** A sign-off was read: contact details further down ("www.acme.com | +44 …") are the signature's too. */
  let signedOff = false;
  let inFence = false;
  let disclaimer = false;
  let paragraphStart = true;
  const keep = (line: string): void => {
    (zone === 'quoted' ? quoted : body).push(line);
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = FENCE.test(line);
    if (inFence || fence) {
      if (fence) inFence = !inFence;
      if (zone === 'signature') zone = 'body';
      keep(line);
      content = true;
      continue;
    }
    const t = line.trim();
    if (t === '') {
      disclaimer = false;
      paragraphStart = true;
      if (zone === 'signature') signatureBlock &&= signatureLines === 0;
      else keep('');
      continue;
    }
    if (paragraphStart || zone === 'signature') disclaimer ||= DISCLAIMER_OPENER.test(t) && DISCLAIMER_CUE.test(paragraphHead(lines, i));
    paragraphStart = false;
    if (disclaimer) {
      mail = true;
      continue;
    }
    const isQuote = t[0] === '>';
    const unquoted = isQuote ? t.replace(QUOTE_MARKS, '') : t;
    const header = replyHeaderLines(lines, i, unquoted);
    if (header > 0) {
      mail = replied = true;
      i += header - 1;
      // A header over "> …" lines (an inline reply) quotes only those; over unmarked text, the rest is the quoted thread.
      if (content && !isQuote && !nextLineQuoted(lines, i + 1)) zone = 'quoted';
      continue;
    }
    if (isQuote) {
      if (zone === 'quoted') quoted.push(unquoted);
      else {
        marked.add(body.length);
        body.push(line);
        quoted.push(unquoted);
      }
      continue;
    }
    if (FORWARDED_MESSAGE.test(t)) {
      // What follows is the forwarded mail: a message of its own, read as the report.
      mail = replied = true;
      zone = 'body';
      content = false;
      continue;
    }
    if (ORIGINAL_MESSAGE.test(t)) {
      mail = replied = true;
      if (content && !nextLineQuoted(lines, i + 1)) zone = 'quoted';
      continue;
    }
    const block = headerBlock(lines, i);
    if (block) {
      mail = replied = true;
      i = block.end - 1;
      if (block.forwarded || !content) {
        zone = 'body';
        content = false;
      } else zone = 'quoted';
      continue;
    }
    if (SENT_FROM.test(t)) {
      mail = true;
      continue;
    }
    if (zone === 'quoted') {
      quoted.push(t);
      continue;
    }
    if (zone === 'signature') {
      if (isSignatureLine(t) && (signatureBlock || CONTACT_DETAIL.test(t))) {
        signatureLines++;
        continue;
      }
      zone = 'body';
    } else if (signedOff && PHONE_OR_ADDRESS.test(t) && isSignatureLine(t)) continue;
    // "--" opens a signature only in what is already a mail (in pasted code it is an operator or an HTML comment's half).
    if ((t === '--' && mail) || isSignOff(t)) {
      mail = signedOff = true;
      zone = 'signature';
      signatureBlock = true;
      signatureLines = 0;
      continue;
    }
    if (GREETING_LINE.test(t)) {
      mail = true;
      continue;
    }
    const withoutGreeting = content ? line : line.replace(GREETING_PREFIX, '');
    if (withoutGreeting !== line) mail = true;
    body.push(withoutGreeting === line ? line : sentenceStart(withoutGreeting));
    content = true;
  }
  if (!mail) return { body: body.join('\n'), quoted: '' };
  dropClosingName(body, marked);
  if (!replied || marked.size === 0) return { body: body.join('\n'), quoted: replied ? quoted.join('\n').trim() : '' };
  return { body: body.filter((_, n) => !marked.has(n)).join('\n'), quoted: quoted.join('\n').trim() };
}

/** "since Friday none …" → "Since Friday none …" (not "iPad …"). */
const sentenceStart = (s: string): string => (/^[a-z][a-z ]/.test(s) ? capitalise(s) : s);

/** "Dave", "Leo K.": a name alone, the mail's last line under its last sentence (a signature without a sign-off). */
const LONE_NAME = /^\p{Lu}[\p{L}'.-]*(?:\s+\p{Lu}[\p{L}'.-]*)?,?$/u;
function dropClosingName(body: string[], marked: Set<number>): void {
  let last = body.length - 1;
  while (last >= 0 && body[last]!.trim() === '') last--;
  let before = last - 1;
  while (before >= 0 && body[before]!.trim() === '') before--;
  if (before < 0 || marked.has(last) || marked.has(before) || !/[.!?]$/.test(body[before]!.trim())) return;
  const name = body[last]!.trim();
  const c = cuesOf(name.toLowerCase());
  if (LONE_NAME.test(name) && !c.environment && !c.build && !c.imperative) body.splice(last, 1);
}

/** The paragraph from line i on, at most DISCLAIMER_WINDOW characters. */
function paragraphHead(lines: string[], i: number): string {
  let head = '';
  for (let j = i; j < lines.length && head.length < DISCLAIMER_WINDOW; j++) {
    const t = lines[j]!.trim();
    if (t === '') break;
    head += ` ${t.slice(0, DISCLAIMER_WINDOW)}`;
  }
  return head;
}

/** 1 for a reply header on one line, 2 for one wrapped onto the next ("On …, Anna <a@b.c>⏎wrote:"), else 0. */
function replyHeaderLines(lines: string[], i: number, t: string): number {
  const c = t.charCodeAt(0) | 32;
  if (c !== 111 && c !== 97 && c !== 108 && c !== 101 && c !== 105) return 0; // o, a, l, e, i: the openers' first letters
  if (t.length <= 300 && REPLY_HEADER.test(t)) return 1;
  const next = lines[i + 1]?.trim().replace(QUOTE_MARKS, '');
  return next !== undefined && next.length < 100 && t.length <= 200 && REPLY_HEADER.test(`${t} ${next}`) ? 2 : 0;
}

/** The next non-empty line opens with a quote mark. */
function nextLineQuoted(lines: string[], from: number): boolean {
  for (let j = from; j < lines.length; j++) {
    const t = lines[j]!.trim();
    if (t !== '') return t[0] === '>';
  }
  return false;
}

/** A run of "From: / Sent: / To: / Subject:" lines naming a sender and a date or subject; forwarded when its subject says so. */
function headerBlock(lines: string[], i: number): { end: number; forwarded: boolean } | null {
  let from = false;
  let dated = false;
  let forwarded = false;
  let j = i;
  for (; j < lines.length && j - i < MAX_HEADER_LINES; j++) {
    const t = lines[j]!.trim();
    const m = HEADER_LINE.exec(t);
    if (!m) break;
    const key = m[1]!.toLowerCase();
    from ||= FROM_KEYS.has(key);
    dated ||= DATE_OR_SUBJECT_KEYS.has(key);
    forwarded ||= FORWARDED_SUBJECT.test(t);
  }
  return from && dated && j - i >= 2 ? { end: j, forwarded } : null;
}

function isSignOff(t: string): boolean {
  const m = SIGN_OFF.exec(t);
  return m !== null && SIGNED_NAME.test(t.slice(m[0].length));
}

/** A short line under a sign-off that neither walks through a step nor states a result: a name, a title, a phone number. */
function isSignatureLine(t: string): boolean {
  if (t.length > SIGNATURE_CHARS || stepListMarker(t) !== null || /^p\.?s\b/i.test(t)) return false;
  // "Our page is below.": a sentence, not a name or a title ("John G.", "Acme Inc." end in a dot too).
  if (/[.!?]$/.test(t) && t.split(' ', 3).length > 2) return false;
  const lower = t.toLowerCase();
  const c = cuesOf(lower);
  return !(c.imperative || c.conditional || c.firstPerson || c.expected || c.trace || c.code || statesFailure(lower));
}

/**
 * Words (four or more letters) of talk to the reader: pleasantries, thanks, requests for help. A sentence made only of
 * them ("I hope you're well.", "Could you please have a look?", "Thanks, here is more detail.") says nothing of the bug.
 */
const MAIL_TALK = new Set(
  ('thanks thank hope well doing please kindly could would have look looking check into what going advise advice help helping know ' +
    'someone anyone somebody anybody here more detail details info information below above sure okay great good morning afternoon evening ' +
    'team support everyone regards best kind warm cheers appreciate appreciated much very again advance soon reply response quick update updates ' +
    'news touch possible asap urgent urgently sorry apologies apologise apologize delay following follow just this that there your yours with ' +
    'from them they their able also take hear hearing forward idea ideas chance whether thoughts feedback lets reaching reach contact ' +
    'question questions hello dear greetings nice week weekend today meantime will shall investigate issue problem ticket matter case ' +
    'need assistance assist guys folks colleagues everybody something anything going thing things about time keep work patience')
    .split(' '),
);

/** A question to the reader ("Could you please check what is going on?", "Can you advise?", "Any update?"). */
const REQUEST_QUESTION =
  /^(?:(?:could|can|would|will)\s+(?:you|someone|somebody|anyone|anybody|the team|we)|please\b|any\s+(?:idea|ideas|update|updates|news|thoughts|help|chance|suggestions?|advice)|do you (?:know|have)|is (?:there|it possible)|would it be possible|let (?:me|us) know|what (?:do you|should (?:we|i)) (?:think|suggest|do)|how (?:should|can|do) (?:we|i) (?:proceed|handle|resolve|fix))\b/i;
/** "This is blocking their month-end.", "This is urgent.": how much it matters, no step and no result. */
const IMPACT = /^this(?: issue| problem| bug)? is (?:now |currently |really |very |quite |extremely )?(?:blocking|urgent|critical|a blocker|(?:high|top) priority|business[- ]critical)\b/i;

/** How talk to the reader opens: thanks, a greeting, a wish, a request, an offer ("Here is …", "Sure:"). */
const MAIL_OPENER =
  /^(?:thanks|thank|thx|cheers|regards|best|kind|many|hope|i hope|we hope|hi|hello|hey|dear|greetings|good|please|pls|kindly|could|can|would|will|any|sorry|apologies|here|sure|ok|okay|fyi|more|quick|let|looking|as discussed|just|following|appreciate|i appreciate|we appreciate|have a|urgent|asap|help)\b/i;

/**
 * A sentence that only talks to the reader: a sign-off ("Thanks, Ben"), or one that opens as such talk and holds no word
 * but mail talk ("I hope you're well.", "Could you please have a look?"), and is no step ("Please check." is a request).
 */
export function isMailTalk(sentence: string): boolean {
  const s = sentence.trim();
  if (isSignOff(s)) return true;
  return MAIL_OPENER.test(s) && wordsOf(s).every((w) => MAIL_TALK.has(w)) && !cuesOf(s.toLowerCase()).imperative;
}

/** A sentence to the reader that is no step or result but may carry content: a request, the impact. */
const isAsideToReader = (sentence: string): boolean => {
  const s = sentence.trim();
  return (s.endsWith('?') && REQUEST_QUESTION.test(s)) || IMPACT.test(s);
};

/**
 * The text without the sentences that talk to the reader (pleasantries, requests, impact), outside code blocks, list
 * items and label lines; a line left with nothing is dropped. unplacedSentences still lists those that carry content words.
 */
export function withoutAsides(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let inFence = false;
  for (const line of lines) {
    if (FENCE.test(line)) inFence = !inFence;
    const t = line.trim();
    if (inFence || t === '' || FENCE.test(line) || stepListMarker(t) !== null) {
      out.push(line);
      continue;
    }
    // The section reader keeps MAX_LINE characters of a line: a 1 MB one-line paste is not read sentence by sentence.
    const sentences = (line.length > MAX_LINE ? line.slice(0, MAX_LINE) : line).split(SENTENCE_BREAK);
    // A sentence that ends in ":" introduces what follows ("Response from IE:"); a label ("More info:") ends a section.
    const kept = sentences.filter((s) => s.trimEnd().endsWith(':') || (!isMailTalk(s) && !isAsideToReader(s)));
    if (kept.length === sentences.length || matchLabel(t) !== null) out.push(line);
    else if (kept.length > 0) out.push(kept.join(' '));
  }
  return out.join('\n');
}
