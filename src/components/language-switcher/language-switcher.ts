import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { Locale } from '../../core/index.ts';
import { EntraideLocaleChosenEvent } from '../events/locale-chosen.ts';
import { saveChosenLocale } from '../internal/chosen-locale.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import styles from './language-switcher.styles.ts';
import { LANGUAGE_NAMES, languageSwitcherStrings } from './strings.ts';

/**
 * @summary The forum's language: one toggle button per language the community offers, each
 * named in its own language. Shows nothing when the community offers a single language. The
 * choice is remembered (localStorage), and the forum reads it back on every page; for a
 * signed-in member, `<entraide-account-links>` also saves it to their preferences (the
 * e-mails' language), so guests never load that code.
 *
 * @tag entraide-language-switcher
 *
 * @csspart group - The group of buttons (`role="group"`, named "Langue" / "Language").
 * @csspart option - One language's button (`aria-pressed` on the current one).
 *
 * @cssprop [--entraide-color-accent] - Background of the current language.
 * @cssprop [--entraide-color-on-accent] - Its text.
 *
 * @fires {EntraideLocaleChosenEvent} entraide-locale-chosen - The reader chose another language.
 */
export class EntraideLanguageSwitcher extends EntraideElement {
  static override styles = [tokens, controls, styles];

  /** The languages offered (the community's `locales`). */
  @property({ attribute: false }) locales: readonly Locale[] = [];

  /** The language shown now; the forum's by default. */
  @property() value: Locale | undefined = undefined;

  protected override render() {
    if (this.locales.length < 2) return nothing;
    const current = this.value ?? this.resolvedLocale;
    return html`
      <div class="group" part="group" role="group" aria-label=${languageSwitcherStrings[current].label}>
        ${this.locales.map((locale) => html`
          <button type="button" part="option" lang=${locale} title=${LANGUAGE_NAMES[locale]}
            aria-pressed=${String(locale === current)} @click=${() => this.#choose(locale)}>${locale.toUpperCase()}<span class="visually-hidden"> ${LANGUAGE_NAMES[locale]}</span></button>`)}
      </div>
    `;
  }

  #choose(locale: Locale): void {
    if (locale === (this.value ?? this.resolvedLocale)) return;
    this.value = locale;
    saveChosenLocale(locale);
    this.emit(new EntraideLocaleChosenEvent({ locale }));
  }
}

EntraideLanguageSwitcher.define('entraide-language-switcher');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-language-switcher': EntraideLanguageSwitcher;
  }
}
