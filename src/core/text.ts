/**
 * Text every layer can store. PostgreSQL `text` refuses U+0000 and anything that is not valid
 * UTF-8 (a lone UTF-16 surrogate has no UTF-8 form), so such a string would fail at the first
 * insert; the edge refuses it instead. One-line fields (titles, pseudonyms) refuse all control
 * characters too: a newline or an escape in a title breaks every list that shows it.
 */

/** Database ids are PostgreSQL `integer`s. */
export const ID_MAX = 2_147_483_647;

/**
 * An integer written in a path or a query: decimal digits only. `Number()` would also read
 * `1.5`, `0x10`, `1e1` and ` 1`; leading zeros stay decimal (`01` is 1), unambiguous and harmless.
 */
export function decimalInteger(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/** A high surrogate not followed by a low one, or a low one not after a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** C0 controls and DEL; the JSON-Schema pattern form is `SINGLE_LINE_PATTERN`. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/** For contract string types: a line of text without control characters. */
export const SINGLE_LINE_PATTERN = '^[^\\u0000-\\u001f\\u007f]*$';

/** Why `text` cannot be stored, or undefined when it can. */
export function unstorableText(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'must not contain a lone UTF-16 surrogate (not valid Unicode)';
  return undefined;
}

/** Why `text` cannot be a one-line field (title, pseudonym), or undefined when it can. */
export function unfitLine(text: string): string | undefined {
  return unstorableText(text) ?? (CONTROL.test(text) ? 'must not contain control characters (newlines, tabs, escapes)' : undefined);
}
