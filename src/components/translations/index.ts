import type { Locale } from '../../core/index.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import type { ChunkKey, ChunkStrings, CoreTranslation, Translation } from './translation.ts';

export type { Translation } from './translation.ts';

/** Built-in languages; every `Locale` of `src/core` must have one (the type checks it). */
export const translations: Record<Locale, CoreTranslation> = { fr, en };

/** What chunks loaded so far added; an element only reads strings its own chunk registered. */
const registered: Record<Locale, Partial<Translation>> = { fr: {}, en: {} };
const merged = new Map<Locale, Translation>();

/** Called once by each chunk's module (composer, search, interactions, incident banner). */
export function registerStrings<K extends ChunkKey>(strings: ChunkStrings<K>): void {
  for (const locale of Object.keys(registered) as Locale[]) Object.assign(registered[locale], strings[locale]);
  merged.clear();
}

/** Every string of `locale` known so far (the read path's, plus the loaded chunks'). */
export function translationFor(locale: Locale): Translation {
  let table = merged.get(locale);
  if (!table) {
    table = { ...translations[locale], ...registered[locale] } as Translation;
    merged.set(locale, table);
  }
  return table;
}
