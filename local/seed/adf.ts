/** ADF builders for seeded descriptions, from excellent repro steps to useless ones. */
import type { BugText } from './texts';

type Node = Record<string, unknown>;
const text = (t: string): Node => ({ type: 'text', text: t });
const p = (t: string): Node => ({ type: 'paragraph', content: [text(t)] });
const h = (t: string): Node => ({ type: 'heading', attrs: { level: 3 }, content: [text(t)] });
const ol = (items: string[]): Node => ({ type: 'orderedList', attrs: { order: 1 }, content: items.map((i) => ({ type: 'listItem', content: [p(i)] })) });
export const doc = (...content: Node[]) => ({ type: 'doc', version: 1, content });

export type Quality = 'excellent' | 'prose' | 'missing-expected' | 'missing-build' | 'useless';

const useless = ["doesn't work", 'Broken again, pls fix ASAP', 'see title', 'Customer says it is not working. Urgent!!', 'same as last time'];

/** 0 (most) to 3, from the summary's characters: deterministic and independent of the seed's random stream. */
function variantOf(summary: string): 0 | 1 | 2 | 3 {
  let sum = 0;
  for (let i = 0; i < summary.length; i++) sum = (sum * 31 + summary.charCodeAt(i)) % 1_000_003;
  const r = sum % 8;
  return r === 1 ? 1 : r === 2 ? 2 : r === 3 ? 3 : 0;
}

export function description(t: BugText, quality: Quality, pick: <T>(l: readonly T[]) => T) {
  switch (quality) {
    case 'excellent':
      return doc(p(`${t.summary}.`), h('Steps to reproduce'), ol(t.steps), h('Expected result'), p(t.expected), h('Actual result'), p(t.actual), h('Environment'), p(t.env));
    case 'prose':
      return doc(
        p(`When I ${t.steps[0]!.charAt(0).toLowerCase()}${t.steps[0]!.slice(1)} and then ${t.steps[1]!.charAt(0).toLowerCase()}${t.steps[1]!.slice(1)}, it goes wrong. ${t.actual}`),
        p(`It should work like this: ${t.expected.charAt(0).toLowerCase()}${t.expected.slice(1)} Seen on ${t.env}.`),
      );
    case 'missing-expected':
      return doc(h('Steps to reproduce'), ol(t.steps), h('Actual result'), p(t.actual), p(`Environment: ${t.env}`));
    case 'missing-build':
      // Some of these also show the other writing slips the analyser reports (chosen from the text, not the rng,
      // so every other seeded value stays as it was): a lone step that restates the summary, expected = actual,
      // and an empty description.
      switch (variantOf(t.summary)) {
        case 1:
          return doc(h('Steps to reproduce'), ol([t.summary]), h('Expected result'), p(t.expected), h('Actual result'), p(t.actual));
        case 2:
          return doc(h('Steps to reproduce'), ol(t.steps), h('Expected result'), p(t.actual), h('Actual result'), p(t.actual));
        case 3:
          return doc();
        default:
          return doc(h('Steps to reproduce'), ol(t.steps), h('Expected result'), p(t.expected), h('Actual result'), p(t.actual));
      }
    case 'useless':
      return doc(p(pick(useless)));
  }
}

/** The Reproduction steps field value (the app's Forge object field) for a well-described bug. */
export function reproField(t: BugText) {
  const build = /build ([^,)]+\)?)/.exec(t.env)?.[1];
  return { steps: [...t.steps], expected: t.expected, actual: t.actual, environment: t.env, ...(build ? { build } : {}), frequency: 'Every time' };
}
