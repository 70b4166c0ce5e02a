export * from './types';
export * from './areas';
export * from './compute';
export * from './flaky';
export * from './area-suite';
export * from './library';
export * from './signoff';
export * from './development';
