/**
 * Text that cannot be stored as it is: a NUL character (PostgreSQL text and jsonb refuse it) or a
 * lone UTF-16 surrogate (not a character at all). The domain refuses it up front, so a command it
 * accepts always yields events the log can hold.
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}
