import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { EMAIL_MODES, isSignedIn, LOCALES, NOTIFICATION_KINDS, type Actor, type EmailMode, type Locale, type NotificationKind } from '../../core/index.ts';
import type { Preferences, PreferencesChange } from '../../sdk/types.ts';
import { AdminElement } from '../admin/admin-element.ts';
import { adminInputs, formStyles } from '../admin/form.styles.ts';
import { reasonOf } from '../admin/strings.ts';
import { applyChosenLocale } from '../internal/member-locale.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import '../internal/staff-client.ts';
import { preferencesStrings, type PreferencesStrings } from './strings.ts';

/** Only what changed, so a second tab's change to another field is not undone. */
export function preferencesChange(saved: Preferences, draft: Preferences): PreferencesChange {
  const change: PreferencesChange = {};
  if (draft.followOnReply !== saved.followOnReply) change.followOnReply = draft.followOnReply;
  if (draft.emailMode !== saved.emailMode) change.emailMode = draft.emailMode;
  if ([...draft.emailMutedKinds].sort().join() !== [...saved.emailMutedKinds].sort().join()) change.emailMutedKinds = draft.emailMutedKinds;
  if (draft.locale !== saved.locale) change.locale = draft.locale;
  return change;
}

/**
 * @summary The signed-in member's own preferences: following the threads they reply to, how
 * notifications reach them by e-mail (immediately, a daily summary or never, and kinds never
 * e-mailed), and the language of the forum and its e-mails. Saves only what changed; the
 * server's refusal shows next to the Save button and the form keeps what was chosen. The
 * language agrees with the forum's switcher: saving one here shows the forum in it, and a choice
 * in the switcher (which saves it) shows here.
 *
 * @tag entraide-preferences
 *
 * @csspart form - The preferences form.
 * @csspart save - The save button.
 * @csspart status - The save status line (saved, or why not).
 * @csspart loading - The loading message.
 * @csspart error - The loading error and retry button.
 * @csspart refused - The message shown to a guest.
 *
 * @fires {EntraideLocaleChosenEvent} entraide-locale-chosen - A language was saved here: the forum shows it.
 */
export class EntraidePreferences extends AdminElement<Preferences> {
  static override styles = [tokens, controls, adminInputs, formStyles, css`
    :host { display: block; }
    h2 { margin: 0; font-size: 1.25rem; }
    .status.saved { color: var(--_color-success); }
    /* One choice per line, and radios sized like the checkboxes (the admin forms have no radios). */
    fieldset.field { display: grid; gap: 0; }
    .field .check input[type='radio'] { width: 1.25rem; height: 1.25rem; flex: none; margin: 0; }
    .check input { flex: none; }
  `];

  @state() protected saved: Preferences | undefined;
  @state() protected saving = false;
  /**
   * What the last save did, kept as a key (and the server's reason) rather than a sentence, so
   * the status line follows the page when its language changes, as it does when the member
   * saves another language here.
   */
  @state() protected outcome: { saved: true } | { saved: false; reason: string } | undefined;

  get #s(): PreferencesStrings {
    return preferencesStrings[this.resolvedLocale];
  }

  /** Every signed-in member has preferences of their own. */
  protected override allows(actor: Actor): boolean {
    return isSignedIn(actor);
  }

  protected override fetch(signal: AbortSignal): Promise<Preferences> {
    return this.client.preferences.get({ signal });
  }

  #shownLocale: Locale | undefined;

  /** The switcher saved another language: the form shows it, unless the member is editing the field. */
  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    const shown = this.resolvedLocale;
    const before = this.#shownLocale;
    this.#shownLocale = shown;
    if (!before || before === shown || !this.saved || !this.data || this.saved.locale === shown) return;
    const editing = this.data.locale !== this.saved.locale;
    this.saved = { ...this.saved, locale: shown };
    if (!editing) this.data = { ...this.data, locale: shown };
  }

  protected override loaded(preferences: Preferences): void {
    this.saved = preferences;
    this.data = { ...preferences, emailMutedKinds: [...preferences.emailMutedKinds] };
  }

  protected override render() {
    const s = this.#s;
    const state = this.renderState({ refused: s.signedOut, loading: s.loading, loadFailed: s.loadFailed, retry: s.retry });
    return html`<h2 tabindex="-1">${s.heading}</h2>${state ?? this.#renderForm(s, this.data!, this.saved!)}`;
  }

  #edit(change: Partial<Preferences>): void {
    this.data = { ...this.data!, ...change };
    this.outcome = undefined;
  }

  #toggleKind(kind: NotificationKind, muted: boolean): void {
    const kinds = this.data!.emailMutedKinds.filter((other) => other !== kind);
    this.#edit({ emailMutedKinds: muted ? [...kinds, kind] : kinds });
  }

  #renderForm(s: PreferencesStrings, draft: Preferences, saved: Preferences) {
    const unchanged = Object.keys(preferencesChange(saved, draft)).length === 0;
    return html`
      <form part="form" @submit=${(event: Event) => { event.preventDefault(); void this.#save(); }}>
        <label class="check"><input type="checkbox" name="follow-on-reply" .checked=${draft.followOnReply}
          @change=${(e: Event) => this.#edit({ followOnReply: (e.target as HTMLInputElement).checked })} />${s.followOnReply}</label>
        <h3>${s.emailHeading}</h3>
        ${draft.hasEmail ? nothing : html`<p class="help" part="no-address">${s.noAddress}</p>`}
        <fieldset class="field"><legend>${s.emailMode}</legend>
          ${EMAIL_MODES.map((mode: EmailMode) => html`<label class="check"><input type="radio" name="email-mode" value=${mode} .checked=${draft.emailMode === mode}
            @change=${() => this.#edit({ emailMode: mode })} />${s.modes[mode]}</label>`)}
        </fieldset>
        <fieldset class="field" ?disabled=${draft.emailMode === 'off'} aria-describedby="muted-help"><legend>${s.mutedKinds}</legend>
          ${NOTIFICATION_KINDS.map((kind) => html`<label class="check"><input type="checkbox" name="muted" value=${kind} .checked=${draft.emailMutedKinds.includes(kind)}
            @change=${(e: Event) => this.#toggleKind(kind, (e.target as HTMLInputElement).checked)} />${s.kinds[kind]}</label>`)}
        </fieldset>
        <p class="help" id="muted-help">${s.mutedHelp}</p>
        <label class="field">${s.language}
          <select name="locale" @change=${(e: Event) => { const value = (e.target as HTMLSelectElement).value; this.#edit({ locale: value ? (value as Locale) : null }); }}>
            <option value="" ?selected=${draft.locale === null}>${s.languageFollowsPage}</option>
            ${LOCALES.map((code) => html`<option value=${code} lang=${code} ?selected=${draft.locale === code}>${s.localeNames[code]}</option>`)}
          </select></label>
        <div class="actions">
          <button class="button" part="save" type="submit" ?disabled=${this.saving || unchanged}>${this.saving ? s.saving : s.save}</button>
          <p class="status ${this.outcome?.saved === false ? 'failed' : 'saved'}" part="status" role="status">${this.#statusText(s)}</p>
        </div>
      </form>
    `;
  }

  #statusText(s: PreferencesStrings): string {
    if (!this.outcome) return '';
    return this.outcome.saved ? s.saved : s.saveFailed(this.outcome.reason);
  }

  async #save(): Promise<void> {
    const change = preferencesChange(this.saved!, this.data!);
    if (Object.keys(change).length === 0) return;
    this.saving = true;
    try {
      const saved = await this.client.preferences.update(change);
      this.loaded(saved);
      if (change.locale) applyChosenLocale(this, change.locale);
      this.outcome = { saved: true };
    } catch (error) {
      this.outcome = { saved: false, reason: reasonOf(error) };
    } finally {
      this.saving = false;
    }
  }
}

EntraidePreferences.define('entraide-preferences');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-preferences': EntraidePreferences;
  }
}
