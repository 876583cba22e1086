export * from './event-record.entity';
export * from './event-store';
export * from './chain-verifier';
export * from './hash-chain';
export * from './checkpoint';
