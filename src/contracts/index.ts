// Shared request/response schemas: imported by src/ (resolvers) and static/ (Custom UI) alike.
export * from './result';
export * from './procedure';
export * from './call';
export * from './repro-steps';
export * from './validator-config';
export * from './stage-mapping';
export * from './move-rules';
export * from './regression';
export * from './rc-promotion';
export * from './sprint-planning';
export * from './handoff';
export * from './ops-handoff';
export * from './delivery';
export * from './coverage';
export * from './transition-rules-config';
