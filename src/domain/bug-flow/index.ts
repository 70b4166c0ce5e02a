export * from './stages';
export * from './status-mapping';
export * from './legal-moves';
export * from './changelog';
export * from './evaluate-transition';
