export * from './contract';
export * from './errors';
export * from './events';
export type * from './rapportApi';
export type * from './wire';
