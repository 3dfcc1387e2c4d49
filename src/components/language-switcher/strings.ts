/** The language switcher's strings, travelling with its own chunk. */
import type { Locale } from '../../core/index.ts';

export interface LanguageSwitcherStrings {
  /** The group's name, in the language shown now. */
  label: string;
}

export const languageSwitcherStrings: Record<Locale, LanguageSwitcherStrings> = {
  fr: { label: 'Langue' },
  en: { label: 'Language' },
};

/** Each language named in itself, so a reader finds theirs whatever the page shows. */
export const LANGUAGE_NAMES: Record<Locale, string> = { fr: 'Français', en: 'English' };
