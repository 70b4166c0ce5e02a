export * from './errors';
export * from './gateway';
export * from './schemas';
export * from './transport';
export { httpTransport, httpTransportFromEnv } from './http-transport';
