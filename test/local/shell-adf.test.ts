import { adfToText, textToAdf, MAX_DEPTH, type AdfNode } from '../../local/shell/adf';

describe('textToAdf', () => {
  it('turns blank-line separated text into paragraphs with hard breaks inside', () => {
    const doc = textToAdf('First line\nsecond line\n\nNext paragraph');
    expect(doc).toEqual({
      type: 'doc',
      version: 1,
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'First line' }, { type: 'hardBreak' }, { type: 'text', text: 'second line' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Next paragraph' }] },
      ],
    });
  });

  it('makes numbered lines an ordered list and dashes a bullet list, each item a paragraph', () => {
    const doc = textToAdf('Steps:\n1. Open the board\n2) Drag a bug\n- note one\n* note two');
    expect(doc.content.map((n) => n.type)).toEqual(['paragraph', 'orderedList', 'bulletList']);
    const ordered = doc.content[1]!;
    expect(ordered.content).toHaveLength(2);
    expect(ordered.content![1]).toEqual({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Drag a bug' }] }] });
    expect(doc.content[2]!.content).toHaveLength(2);
  });

  it('keeps a list that starts at another number', () => {
    expect(textToAdf('3. third\n4. fourth').content[0]).toMatchObject({ type: 'orderedList', attrs: { order: 3 } });
  });

  it('keeps fenced code verbatim as a code block, and headings', () => {
    const doc = textToAdf('# Stack\n```java\nat Foo.bar(Foo.java:12)\n  1. not a list\n```\nafter');
    expect(doc.content[0]).toEqual({ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Stack' }] });
    expect(doc.content[1]).toEqual({ type: 'codeBlock', attrs: { language: 'java' }, content: [{ type: 'text', text: 'at Foo.bar(Foo.java:12)\n  1. not a list' }] });
    expect(doc.content[2]!.type).toBe('paragraph');
  });

  it('gives an empty document for empty or whitespace input, and handles CRLF', () => {
    expect(textToAdf('').content).toEqual([]);
    expect(textToAdf('  \n\n ').content).toEqual([]);
    expect(textToAdf('a\r\nb').content[0]!.content).toHaveLength(3);
  });

  it('an unterminated fence takes the rest as code instead of hanging', () => {
    expect(textToAdf('```\nline').content).toEqual([{ type: 'codeBlock', content: [{ type: 'text', text: 'line' }] }]);
  });
});

describe('adfToText', () => {
  it('round-trips what textToAdf makes', () => {
    const text = 'Open the app\n\n1. Click Save\n2. Wait\n\nExpected: saved';
    expect(adfToText(textToAdf(text))).toBe('Open the app\n\n1. Click Save\n2. Wait\n\nExpected: saved');
  });

  it('renders bullets, mentions and code blocks as text', () => {
    const doc = {
      type: 'doc',
      version: 1,
      content: [
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] }] },
        { type: 'paragraph', content: [{ type: 'mention', attrs: { text: '@Ana' } }, { type: 'text', text: ' saw it' }] },
        { type: 'codeBlock', content: [{ type: 'text', text: 'NPE' }] },
      ],
    };
    expect(adfToText(doc)).toBe('- one\n\n@Ana saw it\n\nNPE');
  });

  it('ignores junk instead of throwing', () => {
    expect(adfToText(null)).toBe('');
    expect(adfToText(42)).toBe('');
    expect(adfToText({ type: 'doc', content: [null, 7, 'x', { type: 'paragraph', content: 'nope' }, { type: 'text', text: 5 }] })).toBe('');
    expect(adfToText('plain')).toBe('plain');
  });

  it('stops at MAX_DEPTH on deeply nested documents', () => {
    let node: AdfNode = { type: 'text', text: 'deep' };
    for (let i = 0; i < 10000; i++) node = { type: 'blockquote', content: [node] };
    expect(() => adfToText(node)).not.toThrow();
    expect(adfToText(node)).toBe('');
    let shallow: AdfNode = { type: 'text', text: 'reached' };
    for (let i = 0; i < MAX_DEPTH - 1; i++) shallow = { type: 'blockquote', content: [shallow] };
    expect(adfToText(shallow)).toBe('reached');
  });
});
