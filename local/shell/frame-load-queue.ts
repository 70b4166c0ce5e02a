/**
 * Lets a page with many app frames start them a few at a time. Same-origin frames share the page's main thread:
 * the workflow settings page mounts one view frame per validator (21 in the demo since every RT transition has
 * the role rule), and 21 copies of an app bundle starting together held the page (and its Edit buttons) up for
 * 10 s and more. A frame waits for its turn; its turn ends when it has loaded (or unmounted).
 */
export type FrameLoadQueue = {
  /** Asks for a turn; `start` is called at once or when a running frame finishes. Returns the release. */
  request(start: () => void): () => void;
  running(): number;
  waiting(): number;
};

export function createFrameLoadQueue(limit: number): FrameLoadQueue {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`createFrameLoadQueue: limit must be a positive integer, got ${limit}`);
  const queue: Array<{ start: () => void }> = [];
  let running = 0;
  const next = () => {
    while (running < limit && queue.length > 0) {
      running++;
      queue.shift()!.start();
    }
  };
  return {
    request(start) {
      const entry = { start };
      let state: 'waiting' | 'running' | 'released' = 'waiting';
      entry.start = () => {
        state = 'running';
        start();
      };
      queue.push(entry);
      next();
      return () => {
        if (state === 'released') return;
        if (state === 'waiting') queue.splice(queue.indexOf(entry), 1);
        else running--;
        state = 'released';
        next();
      };
    },
    running: () => running,
    waiting: () => queue.length,
  };
}
