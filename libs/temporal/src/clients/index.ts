export * from './command-failure';
export * from './send-command';
export * from './inspection-client';
export * from './campaign-client';
