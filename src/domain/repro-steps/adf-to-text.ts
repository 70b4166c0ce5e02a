/**
 * Atlassian Document Format → plain text, keeping the structure the analyser needs:
 * headings and expand titles on their own line, ordered list items as "1. …", bullet, task and
 * decision items as "- …", code blocks as their raw lines, media/attachments as "[attachment: name]",
 * a table with a header row as "Header: cell" lines per row (see tableAsColumns).
 *
 * Walks the tree with an explicit stack (no recursion), so a document nested 100k levels
 * deep cannot overflow the call stack. Anything that is not a well-formed node is skipped;
 * a string is returned as is. Work is bounded by MAX_NODES and MAX_CHARS.
 */

import { matchLabel } from './labels';

export const ADF_MAX_NODES = 500_000;
export const ADF_MAX_CHARS = 2_000_000;

type Work =
  | { t: 'node'; node: unknown; indent: string }
  | { t: 'emit'; s: string };

const BLOCKS = new Set([
  'paragraph', 'heading', 'blockquote', 'panel', 'codeBlock', 'rule', 'table', 'tableRow',
  // A cell is a block: a "Steps to reproduce | 1. … 2. …" row reads as the heading and its list.
  'tableCell', 'tableHeader',
  'mediaSingle', 'mediaGroup', 'layoutSection', 'layoutColumn',
]);

const LISTS = new Set(['orderedList', 'bulletList', 'taskList', 'decisionList']);
/** A header cell's text as a label: the first characters only (labels are short). */
const MAX_LABEL = 200;
/** Body rows whose first cell is checked for a label (a "Field | Value" header over label rows). */
const LABEL_ROWS_CHECKED = 50;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function childrenOf(node: Record<string, unknown>): unknown[] {
  return Array.isArray(node.content) ? node.content : [];
}

function attr(node: Record<string, unknown>, key: string): unknown {
  return isObject(node.attrs) ? node.attrs[key] : undefined;
}

function typeOf(node: unknown): string {
  return isObject(node) && typeof node.type === 'string' ? node.type : '';
}

/** A date node's timestamp (ms since the epoch, as a string) as "YYYY-MM-DD", not a 13-digit number read as a build. */
function dateText(timestamp: unknown): string | undefined {
  if (typeof timestamp !== 'string' && typeof timestamp !== 'number') return undefined;
  const ms = Number(timestamp);
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return typeof timestamp === 'string' ? timestamp : undefined;
  return new Date(ms).toISOString().slice(0, 10);
}

/** Nodes that header-cell reading may visit in one document, so nested tables cannot multiply the work. */
const LABEL_NODES = 100_000;
type Budget = { nodes: number };

/** The text of a header or label cell, at most MAX_LABEL characters, whitespace collapsed; bounded by the budget. */
function plainText(node: unknown, budget: Budget): string {
  const stack: unknown[] = [node];
  let s = '';
  while (stack.length > 0 && s.length < MAX_LABEL && budget.nodes-- > 0) {
    const n = stack.pop();
    if (!isObject(n)) continue;
    if (n.type === 'text' && typeof n.text === 'string') s += n.text.slice(0, MAX_LABEL);
    else if ((n.type === 'hardBreak' || BLOCKS.has(typeOf(n))) && s !== '' && !s.endsWith(' ')) s += ' ';
    const kids = childrenOf(n);
    // A label is in the first children; a node with a million of them must not cost a million pushes per table.
    for (let i = Math.min(kids.length, MAX_LABEL) - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return s.slice(0, MAX_LABEL).replace(/\s+/g, ' ').trim();
}

/**
 * A table read column-wise: a first row of header cells over value rows ("Expected | Actual" ⏎ "12 | 0"), as
 * each row's cells under their headers' labels. Not a one-column table (its header is a heading over the rows),
 * a label/value table with a header row ("Field | Value" over "Expected | 12") or one with a header column: those
 * read row-wise. Returns the header labels, or null.
 */
function tableAsColumns(rows: unknown[], budget: Budget): string[] | null {
  if (rows.length < 2) return null;
  const head = isObject(rows[0]) ? childrenOf(rows[0]) : [];
  if (head.length < 2 || !head.every((c) => typeOf(c) === 'tableHeader')) return null;
  for (const row of rows.slice(1, 1 + LABEL_ROWS_CHECKED)) {
    const first = isObject(row) ? childrenOf(row)[0] : undefined;
    if (typeOf(first) === 'tableHeader' || matchLabel(plainText(first, budget)) !== null) return null;
  }
  const labels = head.map((c) => plainText(c, budget).replace(/\s*[:：]$/, ''));
  return budget.nodes > 0 ? labels : null;
}

export function adfToText(doc: unknown): string {
  if (typeof doc === 'string') return doc;
  if (!isObject(doc) && !Array.isArray(doc)) return '';
  const out: string[] = [];
  let chars = 0;
  let nodes = 0;
  const stack: Work[] = [{ t: 'node', node: doc, indent: '' }];
  const labelBudget: Budget = { nodes: LABEL_NODES };

  const emit = (s: string): void => {
    if (chars >= ADF_MAX_CHARS) return;
    const piece = s.length + chars > ADF_MAX_CHARS ? s.slice(0, ADF_MAX_CHARS - chars) : s;
    out.push(piece);
    chars += piece.length;
  };
  // Pushes children in reverse so they pop in document order.
  const pushChildren = (kids: unknown[], indent: string): void => {
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ t: 'node', node: kids[i], indent });
  };
  // Like pushChildren, but a first paragraph's text continues the current line (a list marker, a "Label: ").
  const pushInlined = (kids: unknown[], indent: string): void => {
    for (let i = kids.length - 1; i >= 0; i--) {
      const kid = kids[i];
      if (i === 0 && isObject(kid) && kid.type === 'paragraph') pushChildren(childrenOf(kid), indent);
      else stack.push({ t: 'node', node: kid, indent });
    }
  };

  while (stack.length > 0 && chars < ADF_MAX_CHARS) {
    const w = stack.pop()!;
    if (w.t === 'emit') {
      emit(w.s);
      continue;
    }
    if (++nodes > ADF_MAX_NODES) break;
    const node = w.node;
    if (Array.isArray(node)) {
      pushChildren(node, w.indent);
      continue;
    }
    if (!isObject(node)) continue;
    const type = typeof node.type === 'string' ? node.type : '';
    switch (type) {
      case 'text':
        if (typeof node.text === 'string') emit(node.text);
        break;
      case 'hardBreak':
        emit('\n' + w.indent);
        break;
      case 'mention':
      case 'emoji': {
        const text = attr(node, 'text') ?? attr(node, 'shortName');
        if (typeof text === 'string') emit(text);
        break;
      }
      case 'inlineCard':
      case 'blockCard':
      case 'embedCard': {
        const url = attr(node, 'url');
        if (typeof url === 'string') emit(` ${url} `);
        break;
      }
      case 'status': {
        const text = attr(node, 'text');
        if (typeof text === 'string') emit(text);
        break;
      }
      case 'date': {
        const text = dateText(attr(node, 'timestamp'));
        if (text !== undefined) emit(text);
        break;
      }
      case 'media':
      case 'mediaInline': {
        const name = attr(node, 'alt') ?? attr(node, 'id');
        emit(`\n[attachment${typeof name === 'string' ? `: ${name.slice(0, 200)}` : ''}]\n`);
        break;
      }
      case 'heading': {
        stack.push({ t: 'emit', s: '\n' });
        // A one-word heading that names a part ("Environment", "Build") is that part's label, as "Environment:" reads.
        const label = oneWordLabel(childrenOf(node));
        if (label !== undefined) stack.push({ t: 'emit', s: label });
        else pushChildren(childrenOf(node), w.indent);
        stack.push({ t: 'emit', s: '\n' + w.indent });
        break;
      }
      case 'codeBlock':
        // Code is kept verbatim, fenced, so traces and snippets stay recognisable.
        stack.push({ t: 'emit', s: '\n```\n' });
        pushChildren(childrenOf(node), '');
        stack.push({ t: 'emit', s: '\n```\n' });
        break;
      case 'orderedList':
      case 'bulletList':
      case 'taskList':
      case 'decisionList': {
        const kids = childrenOf(node);
        const startRaw = attr(node, 'order');
        const start = typeof startRaw === 'number' && Number.isFinite(startRaw) ? Math.floor(startRaw) : 1;
        // A task list nests its sub-lists as siblings of its items: they are indented, without a marker of their own.
        const markers: (string | null)[] = [];
        let n = 0;
        for (const kid of kids) markers.push(LISTS.has(typeOf(kid)) ? null : type === 'orderedList' ? `${start + n++}. ` : '- ');
        stack.push({ t: 'emit', s: '\n' });
        for (let i = kids.length - 1; i >= 0; i--) {
          const marker = markers[i];
          stack.push({ t: 'emit', s: '\n' });
          stack.push({ t: 'node', node: kids[i], indent: w.indent + '  ' });
          if (marker !== null) stack.push({ t: 'emit', s: '\n' + w.indent + marker });
        }
        break;
      }
      case 'listItem':
      case 'taskItem':
      case 'blockTaskItem':
      case 'decisionItem':
        // Paragraphs inside an item must not open a new line before the marker's text.
        pushInlined(childrenOf(node), w.indent);
        break;
      case 'expand':
      case 'nestedExpand': {
        // The title is a heading: "Steps to reproduce" over the list it folds away is the steps section.
        const raw = attr(node, 'title');
        const title = typeof raw === 'string' ? raw.replace(/\s+/g, ' ').trim() : '';
        stack.push({ t: 'emit', s: '\n' });
        pushChildren(childrenOf(node), w.indent);
        stack.push({ t: 'emit', s: title === '' ? '\n' + w.indent : '\n' + w.indent + title + '\n' + w.indent });
        break;
      }
      case 'table': {
        const rows = childrenOf(node);
        const labels = tableAsColumns(rows, labelBudget);
        stack.push({ t: 'emit', s: '\n' });
        if (labels === null) pushChildren(rows, w.indent);
        else {
          for (let r = rows.length - 1; r >= 1; r--) {
            const row = rows[r];
            const cells = isObject(row) ? childrenOf(row) : [];
            stack.push({ t: 'emit', s: '\n' });
            for (let c = cells.length - 1; c >= 0; c--) {
              const cell = cells[c];
              const label = labels[c] ?? '';
              stack.push({ t: 'emit', s: '\n' });
              if (label === '') stack.push({ t: 'node', node: cell, indent: w.indent });
              else {
                pushInlined(isObject(cell) ? childrenOf(cell) : [], w.indent);
                stack.push({ t: 'emit', s: '\n' + w.indent + label + ': ' });
              }
            }
          }
        }
        stack.push({ t: 'emit', s: '\n' + w.indent });
        break;
      }
      default:
        if (BLOCKS.has(type) || type === 'doc' || type === '') {
          stack.push({ t: 'emit', s: '\n' });
          pushChildren(childrenOf(node), w.indent);
          stack.push({ t: 'emit', s: '\n' + w.indent });
        } else {
          // Unknown inline/extension node: keep any text it carries.
          const text = attr(node, 'text');
          if (typeof text === 'string') emit(text);
          pushChildren(childrenOf(node), w.indent);
        }
    }
  }
  return tidy(out.join(''));
}

/** Collapses runs of blank lines and trailing spaces left by block boundaries. */
function tidy(s: string): string {
  const lines = s.split('\n');
  const kept: string[] = [];
  let blank = 0;
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      blank++;
      if (blank === 1 && kept.length > 0) kept.push('');
    } else {
      blank = 0;
      kept.push(line);
    }
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return kept.join('\n');
}

/** "Environment" → "Environment:" when the heading is one word that is a label only with its colon; else undefined. */
function oneWordLabel(children: unknown[]): string | undefined {
  if (children.length !== 1) return undefined;
  const only = children[0] as { type?: unknown; text?: unknown };
  if (only?.type !== 'text' || typeof only.text !== 'string') return undefined;
  const t = only.text.trim();
  if (t === '' || t.length > 30 || /\s/.test(t) || matchLabel(t) !== null) return undefined;
  const m = matchLabel(`${t}:`);
  return m !== null && m.rest === '' && m.kind !== 'other' && m.kind !== 'body' ? `${t}:` : undefined;
}
