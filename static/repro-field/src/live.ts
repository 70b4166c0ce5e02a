/**
 * Text for a polite live region. A region is only heard when its text changes, so the same text set again ("Step 2
 * deleted." twice) is cleared first and put back a moment later, and heard again.
 */
import { useEffect, useMemo, useState } from 'react';

/** How long a repeated text stays cleared before it is put back (long enough for a screen reader to notice). */
export const REANNOUNCE_MS = 150;

type Timers = { set: (run: () => void, ms: number) => unknown; clear: (handle: unknown) => void };
const realTimers: Timers = { set: (run, ms) => setTimeout(run, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

/** The announcing logic without React: `show` puts a text in the region. */
export function announcer(show: (text: string) => void, timers: Timers = realTimers) {
  let last = '';
  let pending: unknown;
  return {
    say(text: string) {
      if (pending !== undefined) timers.clear(pending);
      pending = undefined;
      const again = text !== '' && text === last;
      last = text;
      if (!again) return show(text);
      show('');
      pending = timers.set(() => {
        pending = undefined;
        show(text);
      }, REANNOUNCE_MS);
    },
    stop() {
      if (pending !== undefined) timers.clear(pending);
      pending = undefined;
    },
  };
}

/** A live region's text and the function that sets it (heard again when it repeats). */
export function useAnnouncer(): [string, (text: string) => void] {
  const [text, setText] = useState('');
  const a = useMemo(() => announcer(setText), []);
  useEffect(() => () => a.stop(), [a]);
  return [text, a.say];
}
