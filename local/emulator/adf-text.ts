/** Plain text of an ADF document (for `~` searches), bounded in depth. */
export function adfToPlainText(node: unknown, depth = 0): string {
  if (node === null || node === undefined || depth > 100) return '';
  if (typeof node === 'string') return node;
  if (typeof node !== 'object') return '';
  const n = node as { type?: unknown; text?: unknown; content?: unknown };
  if (typeof n.text === 'string') return n.text;
  if (!Array.isArray(n.content)) return '';
  const sep = n.type === 'paragraph' || n.type === 'heading' || n.type === 'listItem' ? '\n' : '';
  return n.content.map((c) => adfToPlainText(c, depth + 1)).join('') + sep;
}
