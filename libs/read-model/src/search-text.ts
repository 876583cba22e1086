/**
 * Text folded for accent-insensitive search: Vietnamese letters lose their tone and vowel marks
 * (ầ → a, ư → u, ơ → o) and đ becomes d, everything lower-case, runs of white space one space.
 * The projector stores a finding's folded text (`findings.search_text`) and a query is folded the
 * same way, so "can thanh" finds "Cần Thạnh" without PostgreSQL's `unaccent` extension (which the
 * app's role may not be allowed to install).
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** What a finding is found by: its criterion code, its description and the people it names. */
export function findingSearchText(finding: { readonly criterionCode: string; readonly description: string; readonly people: readonly string[] }): string {
  return foldForSearch([finding.criterionCode, finding.description, ...finding.people].join(' '));
}
