import { createFrameLoadQueue } from '../../../local/shell/frame-load-queue';

describe('createFrameLoadQueue', () => {
  test('starts at most `limit` frames; a release starts the next in order', () => {
    const q = createFrameLoadQueue(2);
    const started: string[] = [];
    const releases = ['a', 'b', 'c', 'd'].map((id) => q.request(() => started.push(id)));
    expect(started).toEqual(['a', 'b']);
    expect([q.running(), q.waiting()]).toEqual([2, 2]);
    releases[1]!();
    expect(started).toEqual(['a', 'b', 'c']);
    releases[0]!();
    releases[2]!();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    expect([q.running(), q.waiting()]).toEqual([1, 0]);
  });

  test('a frame unmounted while waiting leaves the queue without taking a turn; a double release counts once', () => {
    const q = createFrameLoadQueue(1);
    const started: string[] = [];
    const ra = q.request(() => started.push('a'));
    const rb = q.request(() => started.push('b'));
    q.request(() => started.push('c'));
    rb(); // unmounted before its turn
    ra();
    ra(); // load event after unmount: no second release
    expect(started).toEqual(['a', 'c']);
    expect(q.running()).toBe(1);
  });

  test('refuses a limit that would start nothing', () => {
    expect(() => createFrameLoadQueue(0)).toThrow(/positive integer/);
  });
});
