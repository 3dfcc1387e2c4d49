import type { Locale } from '../../core/index.ts';
import { fr } from './fr.ts';
import type { ChunkKey, ChunkStrings, CoreTranslation, Translation } from './translation.ts';

export type { Translation } from './translation.ts';

/**
 * Built-in languages; every `Locale` of `src/core` must have a loader (the type checks it).
 * French, the default, ships in the entry; the others are chunks of their own, loaded the first
 * time an element renders in them: a page carries the words of its own language only.
 */
const loaders: Record<Locale, () => Promise<CoreTranslation>> = {
  fr: () => Promise.resolve(fr),
  en: () => import('./en.ts').then((module) => module.en),
};

const tables: Partial<Record<Locale, CoreTranslation>> = { fr };
const loading = new Map<Locale, Promise<void>>();

/** Whether `locale`'s strings are here, so that an element can render in it now. */
export function hasTranslation(locale: Locale): boolean {
  return tables[locale] !== undefined;
}

/** Loads `locale`'s strings once; elements call it themselves, a page may call it to start early. */
export function loadTranslation(locale: Locale): Promise<void> {
  let pending = loading.get(locale);
  if (!pending) {
    pending = loaders[locale]().then((table) => {
      tables[locale] = table;
      merged.delete(locale);
    });
    // A failed load (offline) may be tried again by the next render.
    pending.catch(() => loading.delete(locale));
    loading.set(locale, pending);
  }
  return pending;
}

/** What chunks loaded so far added; an element only reads strings its own chunk registered. */
const registered: Record<Locale, Partial<Translation>> = { fr: {}, en: {} };
const merged = new Map<Locale, Translation>();

/** Called once by each chunk's module (composer, search, interactions, incident banner). */
export function registerStrings<K extends ChunkKey>(strings: ChunkStrings<K>): void {
  for (const locale of Object.keys(registered) as Locale[]) Object.assign(registered[locale], strings[locale]);
  merged.clear();
}

/** Every string of `locale` known so far (the read path's, plus the loaded chunks'); French until `locale` is loaded. */
export function translationFor(locale: Locale): Translation {
  let table = merged.get(locale);
  if (!table) {
    table = { ...(tables[locale] ?? fr), ...registered[locale] } as Translation;
    merged.set(locale, table);
  }
  return table;
}
