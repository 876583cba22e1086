export * from './district';
export * from './story';
export * from './seed';
