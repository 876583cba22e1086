/** bigint and numeric columns come back from pg as strings; the read model wants numbers. */
export const numeric = { to: (v: number) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) };
