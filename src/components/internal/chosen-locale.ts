/**
 * The language a reader chose in the forum's switcher, kept in localStorage so that it holds
 * on every page of the site and after a reload. Storage may be off (private modes, policies):
 * then the choice lasts as long as the page.
 */
import { isServer } from 'lit';
import { LOCALES, type Locale } from '../../core/index.ts';

const KEY = 'entraide:locale';

export function readChosenLocale(): Locale | undefined {
  // A server render is the guest's page: the reader's choice applies once it is in the browser.
  if (isServer) return undefined;
  try {
    const stored = localStorage.getItem(KEY);
    return LOCALES.find((locale) => locale === stored);
  } catch {
    return undefined;
  }
}

export function saveChosenLocale(locale: Locale): void {
  try {
    localStorage.setItem(KEY, locale);
  } catch {
    // Storage off: the choice still holds until the page is left.
  }
}
