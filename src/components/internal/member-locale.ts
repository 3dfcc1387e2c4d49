/**
 * A signed-in member's language lives in two places: this browser (the switcher's choice,
 * `chosen-locale.ts`) and their preferences on the server (`preferences.locale`, which the
 * e-mails follow). These keep them in agreement. Only the chunks of signed-in members import
 * this module (the account links, the preferences page), so a guest's page never loads it.
 */
import type { Locale } from '../../core/index.ts';
import type { EntraideClient } from '../../sdk/index.ts';
import { EntraideLocaleChosenEvent } from '../events/locale-chosen.ts';
import { readChosenLocale, saveChosenLocale } from './chosen-locale.ts';
// The preferences resource is past the reader's half of the client.
import './staff-client.ts';

/** Saves the member's choice to their preferences; a failure keeps the browser's choice (the next choice tries again). */
export async function saveMemberLocale(client: EntraideClient, locale: Locale): Promise<void> {
  try {
    await client.preferences.update({ locale });
  } catch {
    // Offline or signed out meanwhile: the page is in the chosen language all the same.
  }
}

/**
 * On sign-in: the language saved in the member's preferences, when this browser has no choice
 * of its own and it differs from `shown`; undefined otherwise (or when it cannot be read).
 */
export async function savedLocaleToApply(client: EntraideClient, shown: Locale, signal?: AbortSignal): Promise<Locale | undefined> {
  if (readChosenLocale()) return undefined;
  try {
    const { locale } = await client.preferences.get({ ...(signal && { signal }) });
    return locale && locale !== shown ? locale : undefined;
  } catch {
    return undefined;
  }
}

/** Applies a language chosen outside the switcher (the preferences page): this browser keeps it, the forum shows it. */
export function applyChosenLocale(from: HTMLElement, locale: Locale): void {
  saveChosenLocale(locale);
  from.dispatchEvent(new EntraideLocaleChosenEvent({ locale }));
}
