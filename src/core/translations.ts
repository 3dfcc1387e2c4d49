/**
 * Community texts in the reader's language (issue 15, item 10): a text keeps its default
 * language's version, and a map holds the versions of the community's other languages. A reader
 * gets theirs where it exists, else the default one, so no reader ever sees an empty text.
 */
import type { Locale } from './domain.ts';

/** The other languages' versions of a text, keyed by locale. */
export type Translations<T> = Partial<Record<Locale, T>>;

/** `fallback` (the default language's version) unless `translations` has a version in `locale`. */
export function inLocale<T>(fallback: T, translations: Translations<T> | null | undefined, locale: Locale | null | undefined): T {
  if (!locale || !translations) return fallback;
  return translations[locale] ?? fallback;
}

/** The map to store: versions trimmed, empty ones and the default language's dropped (its column holds it). */
export function cleanTranslations(translations: Translations<string>, defaultLocale: Locale): Translations<string> {
  const kept: Translations<string> = {};
  for (const [locale, text] of Object.entries(translations) as [Locale, string | undefined][]) {
    const trimmed = text?.trim();
    if (trimmed && locale !== defaultLocale) kept[locale] = trimmed;
  }
  return kept;
}
