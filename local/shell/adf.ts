/**
 * Atlassian Document Format helpers for the shell: plain text → ADF (the create form's description textarea) and
 * ADF → plain text (fallbacks and tests). Input from Jira is untrusted: anything that is not a node is ignored and
 * nesting is cut off at MAX_DEPTH, so a hostile document can never recurse the page to death.
 */
export type AdfMark = { type: string; attrs?: Record<string, unknown> };
export type AdfNode = { type: string; text?: string; content?: AdfNode[]; attrs?: Record<string, unknown>; marks?: AdfMark[] };
export type AdfDoc = { type: 'doc'; version: 1; content: AdfNode[] };

export const MAX_DEPTH = 64;

export function isAdfNode(value: unknown): value is AdfNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** The node's children that are nodes (Jira data may hold anything). */
export function childrenOf(node: AdfNode): AdfNode[] {
  return Array.isArray(node.content) ? node.content.filter(isAdfNode) : [];
}

const ORDERED = /^\s*(\d+)[.)]\s+(.*)$/;
const BULLET = /^\s*[-*•]\s+(.*)$/;
const HEADING = /^(#{1,6})\s+(.*)$/;
const FENCE = /^\s*```/;

const textNode = (text: string): AdfNode => ({ type: 'text', text });
const paragraph = (lines: string[]): AdfNode => {
  const content: AdfNode[] = [];
  lines.forEach((line, i) => {
    if (i > 0) content.push({ type: 'hardBreak' });
    if (line.length > 0) content.push(textNode(line));
  });
  return { type: 'paragraph', content };
};
const listItem = (text: string): AdfNode => ({ type: 'listItem', content: [{ type: 'paragraph', content: text ? [textNode(text)] : [] }] });

/**
 * Converts what a person typed into a textarea into an ADF document: blank lines separate paragraphs, `1.`/`1)`
 * lines become an ordered list, `-`/`*`/`•` lines a bullet list, `# ` lines headings, ``` fences code blocks.
 */
export function textToAdf(input: string): AdfDoc {
  const lines = String(input ?? '').replace(/\r\n?/g, '\n').split('\n');
  const content: AdfNode[] = [];
  let para: string[] = [];
  let list: { kind: 'orderedList' | 'bulletList'; items: AdfNode[]; start: number } | null = null;

  const flushPara = () => {
    if (para.length > 0) content.push(paragraph(para));
    para = [];
  };
  const flushList = () => {
    if (list) content.push({ type: list.kind, ...(list.kind === 'orderedList' && list.start !== 1 ? { attrs: { order: list.start } } : {}), content: list.items });
    list = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (FENCE.test(line)) {
      flushPara();
      flushList();
      const language = line.trim().slice(3).trim();
      const code: string[] = [];
      i++;
      while (i < lines.length && !FENCE.test(lines[i]!)) code.push(lines[i++]!);
      content.push({ type: 'codeBlock', ...(language ? { attrs: { language } } : {}), content: code.length ? [textNode(code.join('\n'))] : [] });
      continue;
    }
    if (line.trim() === '') {
      flushPara();
      flushList();
      continue;
    }
    const ordered = ORDERED.exec(line);
    const bullet = ordered ? null : BULLET.exec(line);
    if (ordered || bullet) {
      flushPara();
      const kind = ordered ? 'orderedList' : 'bulletList';
      if (list && list.kind !== kind) flushList();
      if (!list) list = { kind, items: [], start: ordered ? Number(ordered[1]) || 1 : 1 };
      list.items.push(listItem((ordered ? ordered[2] : bullet![1])!.trim()));
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flushPara();
      flushList();
      content.push({ type: 'heading', attrs: { level: heading[1]!.length }, content: [textNode(heading[2]!.trim())] });
      continue;
    }
    flushList();
    para.push(line.trim());
  }
  flushPara();
  flushList();
  return { type: 'doc', version: 1, content };
}

const BLOCKS = new Set(['paragraph', 'heading', 'codeBlock', 'blockquote', 'panel', 'rule', 'table', 'tableRow', 'mediaSingle']);

/** Plain text of an ADF value (lists numbered or bulleted, blocks on their own lines). Non-ADF gives ''. */
export function adfToText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!isAdfNode(value)) return '';
  // A document's top-level blocks are separated by a blank line, as a person would type them.
  if (value.type === 'doc') return childrenOf(value).map((block) => blockText(block)).filter(Boolean).join('\n\n');
  return blockText(value);
}

function blockText(value: AdfNode): string {
  const out: string[] = [];
  const walk = (node: AdfNode, depth: number, prefix: string) => {
    if (depth > MAX_DEPTH) return;
    switch (node.type) {
      case 'text':
        out.push(typeof node.text === 'string' ? node.text : '');
        return;
      case 'hardBreak':
        out.push('\n');
        return;
      case 'mention':
      case 'emoji':
      case 'status':
      case 'date':
        out.push(String(node.attrs?.['text'] ?? node.attrs?.['shortName'] ?? ''));
        return;
      case 'inlineCard':
        out.push(String(node.attrs?.['url'] ?? ''));
        return;
      case 'orderedList':
      case 'bulletList': {
        const start = node.type === 'orderedList' ? Number(node.attrs?.['order'] ?? 1) || 1 : 1;
        childrenOf(node).forEach((item, i) => {
          out.push(`${prefix}${node.type === 'orderedList' ? `${start + i}. ` : '- '}`);
          walk(item, depth + 1, prefix + '  ');
          if (!out[out.length - 1]?.endsWith('\n')) out.push('\n');
        });
        return;
      }
      default: {
        childrenOf(node).forEach((child, i) => {
          // Children of a list item after its first paragraph start on a new, indented line.
          if (node.type === 'listItem' && i > 0 && !out[out.length - 1]?.endsWith('\n')) out.push('\n');
          walk(child, depth + 1, prefix);
        });
        if (BLOCKS.has(node.type) && !out[out.length - 1]?.endsWith('\n')) out.push('\n');
      }
    }
  };
  walk(value, 0, '');
  return out.join('').replace(/\n{3,}/g, '\n\n').trim();
}
