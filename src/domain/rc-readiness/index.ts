export * from './types';
export * from './issue-keys';
export * from './train-naming';
export * from './gates';
export * from './convergence';
export * from './metrics';
export * from './promotion';
export * from './release-notes';
