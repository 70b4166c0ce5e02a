/** The editor's live-region text (static/repro-field/src/live.ts): a text set again is cleared first, so it is heard again. */
import { announcer, REANNOUNCE_MS } from '../../../static/repro-field/src/live';

function fakeTimers() {
  const queue: Array<{ run: () => void; ms: number; cleared: boolean }> = [];
  return {
    queue,
    timers: {
      set: (run: () => void, ms: number) => queue.push({ run, ms, cleared: false }) - 1,
      clear: (h: unknown) => void (queue[h as number]!.cleared = true),
    },
    flush: () => queue.filter((t) => !t.cleared).forEach((t) => ((t.cleared = true), t.run())),
  };
}

it('shows a new text at once', () => {
  const shown: string[] = [];
  const a = announcer((t) => shown.push(t), fakeTimers().timers);
  a.say('Step 2 deleted.');
  a.say('Step 1 moved to position 2.');
  expect(shown).toEqual(['Step 2 deleted.', 'Step 1 moved to position 2.']);
});

it('clears the same text set again and puts it back a moment later, so it is heard twice', () => {
  const shown: string[] = [];
  const t = fakeTimers();
  const a = announcer((x) => shown.push(x), t.timers);
  a.say('Step 2 deleted.');
  a.say('Step 2 deleted.');
  expect(shown).toEqual(['Step 2 deleted.', '']);
  expect(t.queue[0]!.ms).toBe(REANNOUNCE_MS);
  t.flush();
  expect(shown).toEqual(['Step 2 deleted.', '', 'Step 2 deleted.']);
});

it('drops a pending repeat when another text comes first', () => {
  const shown: string[] = [];
  const t = fakeTimers();
  const a = announcer((x) => shown.push(x), t.timers);
  a.say('Step 2 deleted.');
  a.say('Step 2 deleted.');
  a.say('Step 2 restored.');
  t.flush();
  expect(shown).toEqual(['Step 2 deleted.', '', 'Step 2 restored.']);
});
