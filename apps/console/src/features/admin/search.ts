/**
 * Folds Vietnamese text for search: no accents, no case, đ as d ("can thanh" finds "Cần Thạnh").
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .trim();
}

/** Every word of the query appears somewhere in one of the fields. */
export function matchesSearch(query: string, ...fields: string[]): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fields.map(fold).join(' ');
  return words.every((word) => haystack.includes(word));
}
