/** Sprint planning for bugs: budgets, ranking, auto-plan, deprioritization signals and move helpers. Pure. */
export * from './types';
export { toTime, daysBetween, DAY_MS } from './dates';
export * from './sprint-order';
export * from './budget';
export * from './rank';
export * from './auto-plan';
export * from './signals';
export * from './moves';
export * from './manual-order';
