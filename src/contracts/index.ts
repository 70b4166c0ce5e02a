// Shared request/response schemas: imported by src/ (resolvers) and static/ (Custom UI) alike.
export * from './result';
export * from './procedure';
