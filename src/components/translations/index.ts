import type { Locale } from '../../core/index.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import type { Translation } from './translation.ts';

export type { Translation } from './translation.ts';

/** Built-in languages; every `Locale` of `src/core` must have one (the type checks it). */
export const translations: Record<Locale, Translation> = { fr, en };
