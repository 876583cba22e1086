// What a caller may see of an inspection, in one place: whether it exists for them (existence),
// which of its parts (fields), which of its events (events) and what they may count (counts).
// Pure; the API's InspectionAccess renders the existence rule as SQL.
export * from './existence';
export * from './fields';
export * from './events';
export * from './counts';
