import { foldForSearch } from '@inspectorate/read-model';

/**
 * Search that ignores Vietnamese accents and case (console.md): `can thanh` finds `Cần Thạnh`,
 * `đ` matches `d`. The query is folded by the read model's `foldForSearch` (the same folding the
 * projector stores for findings); for columns folded at query time the same folding runs in SQL,
 * with `translate`, so no database extension is needed and an index could use the expression.
 */

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
      const folded = foldForSearch(letter);
      if (folded !== letter && /^[a-z]$/.test(folded)) {
        from += letter;
        to += folded;
      }
    }
  }
  return { from, to };
}

const TABLE = foldingTable();

/** The SQL expression folding `column` like `foldForSearch` does; `:foldFrom` and `:foldTo` are bound from FOLD_PARAMETERS. */
export function foldedSql(column: string): string {
  return `translate(normalize(${column}, NFC), :foldFrom, :foldTo)`;
}

export const FOLD_PARAMETERS = { foldFrom: TABLE.from, foldTo: TABLE.to } as const;

/** `%…%` for LIKE, with the caller's own `%`, `_` and `\` taken literally. */
export function containsPattern(query: string): string {
  return `%${foldForSearch(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
