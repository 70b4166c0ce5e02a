import { rankBugs, reorderBacklog } from '../../../src/domain/sprint-plan';
import { aBug, NOW } from '../../builders/sprint-plan';

const order = ['A-1', 'A-2', 'A-3', 'A-4', 'A-5'];

describe('reorderBacklog: the manual order after Move to top / Up / Down', () => {
  test('to the top: the bug first, the bugs it passed keep their order, the rest stays by score', () => {
    expect(reorderBacklog(order, 0, 'A-3', 'top')).toEqual(['A-3', 'A-1', 'A-2']);
    expect(reorderBacklog(order, 0, 'A-1', 'top')).toBeNull();
  });

  test('up and down swap with the neighbour; the prefix ends at the last position that changed', () => {
    expect(reorderBacklog(order, 0, 'A-3', 'up')).toEqual(['A-1', 'A-3', 'A-2']);
    expect(reorderBacklog(order, 0, 'A-3', 'down')).toEqual(['A-1', 'A-2', 'A-4', 'A-3']);
    expect(reorderBacklog(order, 0, 'A-1', 'up')).toBeNull();
    expect(reorderBacklog(order, 0, 'A-5', 'down')).toBeNull();
    expect(reorderBacklog(order, 0, 'X-1', 'top')).toBeNull();
  });

  test('keeps the existing manual order when the change is inside it', () => {
    // A-1..A-4 were placed by the planner; moving A-1 down keeps placed.
    expect(reorderBacklog(order, 4, 'A-1', 'down')).toEqual(['A-2', 'A-1', 'A-3', 'A-4']);
    expect(reorderBacklog(order, 2, 'A-5', 'top')).toEqual(['A-5', 'A-1', 'A-2', 'A-3', 'A-4']);
  });

  test('with filters, up and down pass the hidden bugs to the next shown one', () => {
    const visible = new Set(['A-1', 'A-4', 'A-5']);
    expect(reorderBacklog(order, 0, 'A-4', 'up', visible)).toEqual(['A-4', 'A-1', 'A-2', 'A-3']);
    expect(reorderBacklog(order, 0, 'A-1', 'down', visible)).toEqual(['A-2', 'A-3', 'A-4', 'A-1']);
    expect(reorderBacklog(order, 0, 'A-1', 'up', visible)).toBeNull();
  });

  test('the ranking with the new manual order is the order asked for', () => {
    const bugs = ['Highest', 'High', 'Medium', 'Low', 'Lowest'].map((priority, i) => aBug({ key: `A-${i + 1}`, priority }));
    const ranked = (override: string[]) => rankBugs(bugs, { now: NOW, closedSprintIds: new Set(), override }).map((r) => r.key);
    expect(ranked([])).toEqual(order);
    const down = reorderBacklog(order, 0, 'A-2', 'down') ?? [];
    expect(ranked(down)).toEqual(['A-1', 'A-3', 'A-2', 'A-4', 'A-5']);
    const thenTop = reorderBacklog(ranked(down), down.length, 'A-5', 'top') ?? [];
    expect(ranked(thenTop)).toEqual(['A-5', 'A-1', 'A-3', 'A-2', 'A-4']);
  });
});
