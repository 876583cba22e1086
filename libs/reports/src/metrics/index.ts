/**
 * The building blocks every report is made of, each a pure function of rows and `asOf`. The
 * definitions (what is counted, over what) are written once, next to the code: one file per
 * subject, re-exported here so callers keep importing from './metrics'.
 */
export * from './inspections';
export * from './conclusions';
export * from './findings';
export * from './responses';
export * from './remediation';
export * from './overdue';
export * from './accountability';
export * from './ratings';
