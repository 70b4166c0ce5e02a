import { applyMoves, batchMoves, invertMoves, type PlanMove, type PlanState } from '../../../src/domain/sprint-plan';

describe('applyMoves and undo', () => {
  const state: PlanState = { 'A-1': null, 'A-2': 1, 'A-3': 2 };

  test('applies moves to a copy and its inverse restores the state', () => {
    const moves: PlanMove[] = [
      { key: 'A-1', fromSprintId: null, toSprintId: 1 },
      { key: 'A-2', fromSprintId: 1, toSprintId: null },
      { key: 'A-1', fromSprintId: 1, toSprintId: 2 },
    ];
    const applied = applyMoves(state, moves);
    expect(applied.state).toEqual({ 'A-1': 2, 'A-2': null, 'A-3': 2 });
    expect(state).toEqual({ 'A-1': null, 'A-2': 1, 'A-3': 2 }); // not changed
    expect(applied.inverse).toEqual([
      { key: 'A-1', fromSprintId: 2, toSprintId: 1 },
      { key: 'A-2', fromSprintId: null, toSprintId: 1 },
      { key: 'A-1', fromSprintId: 1, toSprintId: null },
    ]);
    expect(applied.stale).toEqual([]);
    expect(applyMoves(applied.state, applied.inverse).state).toEqual(state);
  });

  test('a stale move (wrong from) is applied, reported, and undone to where the bug really was', () => {
    const stale: PlanMove = { key: 'A-3', fromSprintId: 1, toSprintId: null };
    const applied = applyMoves(state, [stale]);
    expect(applied.stale).toEqual([stale]);
    expect(applied.inverse).toEqual([{ key: 'A-3', fromSprintId: null, toSprintId: 2 }]);
    expect(applyMoves(applied.state, applied.inverse).state).toEqual(state);
  });

  test('invertMoves reverses and swaps a list at face value', () => {
    expect(invertMoves([{ key: 'X-1', fromSprintId: null, toSprintId: 4 }, { key: 'X-2', fromSprintId: 4, toSprintId: 5 }])).toEqual([
      { key: 'X-2', fromSprintId: 5, toSprintId: 4 },
      { key: 'X-1', fromSprintId: 4, toSprintId: null },
    ]);
  });

  test('malformed moves are skipped, empty lists give empty results', () => {
    const bad = [{ key: 'A-1', fromSprintId: null, toSprintId: Number.NaN }, null, { key: 7 }] as unknown as PlanMove[];
    expect(applyMoves(state, bad)).toEqual({ state, inverse: [], stale: [] });
    expect(applyMoves({}, [])).toEqual({ state: {}, inverse: [], stale: [] });
  });
});

describe('batchMoves', () => {
  test('120 keys to one sprint become batches of 50, 50 and 20 in order', () => {
    const moves = Array.from({ length: 120 }, (_, i) => ({ key: `B-${i + 1}`, fromSprintId: null, toSprintId: 7 }));
    const batches = batchMoves(moves);
    expect(batches.map((b) => [b.sprintId, b.keys.length])).toEqual([
      [7, 50],
      [7, 50],
      [7, 20],
    ]);
    expect(batches.flatMap((b) => b.keys)).toEqual(moves.map((m) => m.key));
  });

  test('groups by target, the backlog included; a bug goes where its last move takes it; no-op round trips are dropped', () => {
    const batches = batchMoves([
      { key: 'C-1', fromSprintId: null, toSprintId: 1 },
      { key: 'C-2', fromSprintId: 1, toSprintId: null },
      { key: 'C-3', fromSprintId: null, toSprintId: 2 },
      { key: 'C-4', fromSprintId: null, toSprintId: 1 },
      { key: 'C-3', fromSprintId: 2, toSprintId: 1 },
      { key: 'C-5', fromSprintId: 2, toSprintId: 3 },
      { key: 'C-5', fromSprintId: 3, toSprintId: 2 },
    ]);
    expect(batches).toEqual([
      { sprintId: 1, keys: ['C-1', 'C-4', 'C-3'] },
      { sprintId: 'backlog', keys: ['C-2'] },
    ]);
  });

  test('a smaller batch size is honoured, a larger or invalid one falls back to the API limit', () => {
    const moves = Array.from({ length: 60 }, (_, i) => ({ key: `D-${i}`, toSprintId: 3 }));
    expect(batchMoves(moves, 25).map((b) => b.keys.length)).toEqual([25, 25, 10]);
    expect(batchMoves(moves, 500).map((b) => b.keys.length)).toEqual([50, 10]);
    expect(batchMoves(moves, Number.NaN).map((b) => b.keys.length)).toEqual([50, 10]);
    expect(batchMoves(moves, 0).map((b) => b.keys.length)).toEqual([50, 10]);
    expect(batchMoves([])).toEqual([]);
  });
});
