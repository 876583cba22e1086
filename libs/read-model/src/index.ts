export * from './entities';
export * from './rows';
export * from './projector';
export * from './rebuild';
export * from './search-text';
