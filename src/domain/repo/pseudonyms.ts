/**
 * Pseudonyms are unique per community (case-insensitively), names are not: anyone may be called
 * Marie. The first Marie is shown as "Marie", the next ones as "Marie-" plus a suffix drawn from
 * their own id, so the same member always tries the same pseudonyms in the same order.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { LIMITS } from '../../core/limits.ts';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
/** Suffix lengths tried in turn: short first, longer when short ones keep clashing. */
const SUFFIX_LENGTHS = [4, 4, 4, 4, 4, 4, 6, 6, 6, 6, 8, 8, 8, 8, 12, 12];

function suffixOf(externalId: string, attempt: number, length: number): string {
  const digest = sha256(utf8ToBytes(`${attempt}\n${externalId}`));
  return Array.from(digest.subarray(0, length), (byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

/** `name` cut (never inside a character) so that it is at most `max` UTF-16 units long. */
function fit(name: string, max: number): string {
  let fitted = '';
  for (const char of name) {
    if (fitted.length + char.length > max) break;
    fitted += char;
  }
  return fitted.trimEnd();
}

/** The pseudonyms a member named `name` may get, in the order they are tried. */
export function pseudonymCandidates(name: string, externalId: string, max: number = LIMITS.pseudonymMax): string[] {
  const suffixed = SUFFIX_LENGTHS.map((length, attempt) => `${fit(name, max - length - 1)}-${suffixOf(externalId, attempt, length)}`);
  return [fit(name, max), ...suffixed];
}

/** Whether a write failed on a unique index (PostgreSQL and PGlite both report SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
