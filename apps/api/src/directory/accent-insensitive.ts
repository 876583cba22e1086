/**
 * Search that ignores Vietnamese accents and case (console.md): `can thanh` finds `Cần Thạnh`,
 * `đ` matches `d`. The same folding runs on the query (here) and on the stored text (in SQL,
 * with `translate`, so no database extension is needed and an index could use the expression).
 */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** Every precomposed Latin letter with marks (and A–Z, Đ) and what it folds to, as `translate` takes them. */
function foldingTable(): { from: string; to: string } {
  let from = '';
  let to = '';
  const ranges: [number, number][] = [
    [0x41, 0x5a],
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ];
  for (const [low, high] of ranges) {
    for (let code = low; code <= high; code++) {
      const letter = String.fromCodePoint(code);
      const folded = foldAccents(letter);
      if (folded !== letter && /^[a-z]$/.test(folded)) {
        from += letter;
        to += folded;
      }
    }
  }
  return { from, to };
}

const TABLE = foldingTable();

/** The SQL expression folding `column` like `foldAccents` does; `:foldFrom` and `:foldTo` are bound from FOLD_PARAMETERS. */
export function foldedSql(column: string): string {
  return `translate(normalize(${column}, NFC), :foldFrom, :foldTo)`;
}

export const FOLD_PARAMETERS = { foldFrom: TABLE.from, foldTo: TABLE.to } as const;

/** `%…%` for LIKE, with the caller's own `%`, `_` and `\` taken literally. */
export function containsPattern(query: string): string {
  return `%${foldAccents(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
