export * from './handoff-outcome';
export * from './metrics';
