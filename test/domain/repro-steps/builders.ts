/** Small ADF builders for tests. */
export const text = (t: string) => ({ type: 'text', text: t });
export const para = (...t: string[]) => ({ type: 'paragraph', content: t.map(text) });
export const heading = (t: string, level = 3) => ({ type: 'heading', attrs: { level }, content: [text(t)] });
export const item = (t: string) => ({ type: 'listItem', content: [para(t)] });
export const ordered = (...items: string[]) => ({ type: 'orderedList', attrs: { order: 1 }, content: items.map(item) });
export const bullets = (...items: string[]) => ({ type: 'bulletList', content: items.map(item) });
export const code = (t: string) => ({ type: 'codeBlock', attrs: { language: 'java' }, content: [text(t)] });
export const doc = (...content: unknown[]) => ({ type: 'doc', version: 1, content });

/** A well-written report as L2 would write it, in ADF. */
export const aGoodAdfReport = () =>
  doc(
    heading('Steps to reproduce'),
    ordered('Open the Release board', 'Click "Promote" on RC 4.2', 'Confirm the dialog'),
    heading('Expected result'),
    para('The RC moves to the QA column.'),
    heading('Actual result'),
    para('An error "Cannot read property id of undefined" is shown and nothing moves.'),
    para('Build: 4.2.0-rc3, Environment: Chrome 126 on Windows 11, always'),
  );
