// The contract between the workflows and everyone who talks to them (API, worker, seeder, bench).
// Importable from workflow code: types and message definitions only, no Node built-ins, no I/O.
export * from './command-envelope';
export * from './definitions';
export * from './activities';
export * from './workflow-types';
