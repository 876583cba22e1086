export * from './encryption-codec';
export * from './data-converter';
export * from './workflow-ids';
export * from './temporal-client';
export * from './command-envelope';
export * from './temporal-tls';
export * from './clients';
