import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { AdminCommunity, AdminCommunityChange } from '../../sdk/types.ts';
import { ADMIN_LIMITS, LOCALES, NOTIFICATION_CHANNELS, SYNONYM_LIMITS, type Locale, type NotificationChannel } from '../../core/index.ts';
import { adminStrings, reasonOf, type AdminStrings } from '../admin/strings.ts';
import { AdminElement } from '../admin/admin-element.ts';
import { LengthLimitController, overLimitReason } from '../internal/length-limit.ts';
import { limitNote, overLimitStyles } from '../internal/length-limit-view.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import { adminInputs, formStyles } from '../admin/form.styles.ts';
import '../internal/staff-client.ts';

/** The form as typed: text fields stay text until saved, so a half-typed number is not lost. */
interface Draft {
  name: string;
  locale: Locale;
  locales: Locale[];
  advisorSignature: string;
  /** The signature in the other offered languages. */
  signatureTranslations: Partial<Record<Locale, string>>;
  timeZone: string;
  jargon: string;
  jargonIsDefault: boolean;
  threshold: string;
  windowMinutes: string;
  collectiveIsDefault: boolean;
  /** One group per line, words separated by commas. */
  synonyms: string;
  notificationChannel: NotificationChannel;
}

function toDraft(settings: AdminCommunity): Draft {
  return {
    name: settings.name, locale: settings.locale, locales: [...settings.locales], advisorSignature: settings.advisorSignature,
    signatureTranslations: { ...settings.advisorSignatureTranslations }, timeZone: settings.timeZone,
    jargon: settings.jargon.join('\n'), jargonIsDefault: settings.jargonIsDefault,
    threshold: String(settings.collective.threshold), windowMinutes: String(settings.collective.windowMinutes), collectiveIsDefault: settings.collectiveIsDefault,
    synonyms: settings.synonyms.map((group) => group.join(', ')).join('\n'),
    notificationChannel: settings.notificationChannel,
  };
}

/** "roaming, itinérance" per line → groups; the server checks the words and the limits. */
const synonymGroups = (text: string) => text.split('\n').map((line) => line.split(',').map((word) => word.trim()).filter(Boolean)).filter((group) => group.length > 0);

const terms = (text: string) => [...new Set(text.split('\n').map((line) => line.trim()).filter(Boolean))];

/** The offered languages but the default: each may have its own signature. */
const otherLocales = (draft: Draft) => draft.locales.filter((code) => code !== draft.locale);

/** The zones this browser knows, offered as suggestions (the server has the last word). */
const knownZones = () => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);

/** Only what changed: an untouched field is not sent, so two admins editing different fields do not undo each other. */
export function changeOf(saved: Draft, draft: Draft): AdminCommunityChange {
  const change: AdminCommunityChange = {};
  if (draft.name !== saved.name) change.name = draft.name;
  if (draft.locale !== saved.locale) change.locale = draft.locale;
  if (draft.locales.join() !== saved.locales.join()) change.locales = draft.locales;
  if (draft.advisorSignature !== saved.advisorSignature) change.advisorSignature = draft.advisorSignature;
  const translations = otherLocales(draft).map((code) => [code, draft.signatureTranslations[code] ?? ''] as const);
  if (translations.some(([code, text]) => text !== (saved.signatureTranslations[code] ?? ''))) change.advisorSignatureTranslations = Object.fromEntries(translations);
  if (draft.timeZone !== saved.timeZone) change.timeZone = draft.timeZone.trim();
  if (draft.jargonIsDefault !== saved.jargonIsDefault || draft.jargon !== saved.jargon) change.jargon = draft.jargonIsDefault ? null : terms(draft.jargon);
  if (draft.synonyms !== saved.synonyms) change.synonyms = synonymGroups(draft.synonyms);
  if (draft.notificationChannel !== saved.notificationChannel) change.notificationChannel = draft.notificationChannel;
  if (draft.collectiveIsDefault !== saved.collectiveIsDefault || draft.threshold !== saved.threshold || draft.windowMinutes !== saved.windowMinutes) {
    change.collective = draft.collectiveIsDefault ? null : { threshold: Number(draft.threshold), windowMinutes: Number(draft.windowMinutes) };
  }
  return change;
}

/**
 * @summary The community's settings (admins): name, default and offered languages, the advisor
 * signature (and its version in each other offered language), the time zone, the jargon list of the writing assistant, the collective-problem thresholds and the
 * synonyms search treats as one word.
 * Saves only the fields changed; the server's refusal is shown next to the Save button and the
 * form keeps what was typed.
 *
 * @tag entraide-admin-community
 *
 * @csspart form - The settings form.
 * @csspart save - The save button.
 * @csspart status - The save status line.
 * @csspart loading - The loading message.
 * @csspart error - The loading error and retry button.
 * @csspart refused - The message shown to anyone but an admin.
 */
export class EntraideAdminCommunity extends AdminElement<Draft> {
  static override styles = [tokens, controls, adminInputs, formStyles, overLimitStyles, css`:host { display: block; }`];

  /** What is saved, as the form shows it; `data` is what the form holds now. */
  @state() protected saved: Draft | undefined;
  @state() protected saving = false;
  @state() protected status = '';
  @state() protected failed = false;

  /** The signature and each of its translations say once when they cross the limit (no native maxlength: it cut a paste without a word). */
  readonly #limits = {
    signature: new LengthLimitController(this),
    ...Object.fromEntries(LOCALES.map((code) => [code, new LengthLimitController(this)])),
  } as Record<'signature' | Locale, LengthLimitController>;

  protected override willUpdate(): void {
    if (!this.data) return;
    const locale = this.resolvedLocale;
    this.#limits.signature.track(locale, this.data.advisorSignature.length, ADMIN_LIMITS.signatureMax);
    for (const code of LOCALES) this.#limits[code].track(locale, this.data.signatureTranslations[code]?.length ?? 0, ADMIN_LIMITS.signatureMax);
  }

  /** Why saving is refused: the first signature over its limit ('' when all fit). */
  #overLimit(draft: Draft): string {
    const texts = [draft.advisorSignature, ...otherLocales(draft).map((code) => draft.signatureTranslations[code] ?? '')];
    const over = texts.find((text) => text.length > ADMIN_LIMITS.signatureMax);
    return over === undefined ? '' : overLimitReason(this.resolvedLocale, over.length, ADMIN_LIMITS.signatureMax);
  }

  get #s(): AdminStrings {
    return adminStrings[this.resolvedLocale];
  }

  protected override async fetch(signal: AbortSignal): Promise<Draft> {
    return toDraft(await this.client.admin.community({ signal }));
  }

  protected override loaded(draft: Draft): void {
    this.saved = draft;
    this.data = { ...draft };
  }

  protected override render() {
    const s = this.#s;
    return this.renderState({ refused: s.adminsOnly, loading: s.loading, loadFailed: s.loadFailed, retry: s.retry }) ?? this.#renderForm(s, this.data!, this.saved!);
  }

  #edit(change: Partial<Draft>): void {
    this.data = { ...this.data!, ...change };
    this.status = '';
  }

  #renderForm(s: AdminStrings, draft: Draft, saved: Draft) {
    const unchanged = Object.keys(changeOf(saved, draft)).length === 0;
    const overLimit = this.#overLimit(draft);
    const max = ADMIN_LIMITS.signatureMax;
    const locale = this.resolvedLocale;
    return html`
      <form part="form" @submit=${(event: Event) => { event.preventDefault(); void this.#save(); }}>
        <h3>${s.communityHeading}</h3>
        <label class="field">${s.name}
          <input name="name" required maxlength="80" .value=${draft.name} @input=${(e: Event) => this.#edit({ name: (e.target as HTMLInputElement).value })} /></label>
        <div class="row">
          <label class="field">${s.defaultLocale}
            <select name="locale" @change=${(e: Event) => this.#edit({ locale: (e.target as HTMLSelectElement).value as Locale })}>
              ${LOCALES.map((code) => html`<option value=${code} ?selected=${draft.locale === code}>${s.localeNames[code]}</option>`)}
            </select></label>
          <fieldset class="field"><legend>${s.locales}</legend>
            ${LOCALES.map((code) => html`<label class="check"><input type="checkbox" name="locales" value=${code} .checked=${draft.locales.includes(code)}
              @change=${(e: Event) => this.#edit({ locales: LOCALES.filter((other) => (other === code ? (e.target as HTMLInputElement).checked : draft.locales.includes(other))) })} />
              ${s.localeNames[code]}</label>`)}
          </fieldset>
        </div>
        <label class="field">${s.signature}
          <textarea name="signature" rows="3" aria-describedby="signature-help signature-count" .value=${draft.advisorSignature}
            @input=${(e: Event) => this.#edit({ advisorSignature: (e.target as HTMLTextAreaElement).value })}></textarea></label>
        <p class="help">${limitNote(locale, draft.advisorSignature.length, max, this.#limits.signature, 'signature-count')}</p>
        <p class="help" id="signature-help">${s.signatureHelp}</p>
        ${otherLocales(draft).map((code) => html`
          <label class="field">${s.signatureIn(s.localeNames[code])}
            <textarea name=${`signature-${code}`} lang=${code} rows="3" aria-describedby="signature-in-help signature-${code}-count" .value=${draft.signatureTranslations[code] ?? ''}
              @input=${(e: Event) => this.#edit({ signatureTranslations: { ...draft.signatureTranslations, [code]: (e.target as HTMLTextAreaElement).value } })}></textarea></label>
          <p class="help">${limitNote(locale, draft.signatureTranslations[code]?.length ?? 0, max, this.#limits[code], `signature-${code}-count`)}</p>`)}
        ${otherLocales(draft).length ? html`<p class="help" id="signature-in-help">${s.signatureInHelp}</p>` : nothing}
        <label class="field">${s.timeZone}
          <input name="time-zone" required maxlength="64" list="time-zones" autocomplete="off" spellcheck="false" aria-describedby="time-zone-help" .value=${draft.timeZone}
            @input=${(e: Event) => this.#edit({ timeZone: (e.target as HTMLInputElement).value })} /></label>
        <datalist id="time-zones">${knownZones().map((zone) => html`<option value=${zone}></option>`)}</datalist>
        <p class="help" id="time-zone-help">${s.timeZoneHelp}</p>
        <label class="field">${s.jargon}
          <textarea name="jargon" rows="5" aria-describedby="jargon-help" .value=${draft.jargon}
            @input=${(e: Event) => this.#edit({ jargon: (e.target as HTMLTextAreaElement).value, jargonIsDefault: false })}></textarea></label>
        <p class="help" id="jargon-help">${s.jargonHelp} ${draft.jargonIsDefault ? s.jargonDefault : nothing}</p>
        ${draft.jargonIsDefault ? nothing : html`<button class="button secondary" type="button" name="default-jargon" @click=${() => this.#edit({ jargonIsDefault: true })}>${s.useDefaultJargon}</button>`}
        <h3>${s.collectiveHeading}</h3>
        <p class="help">${s.collectiveHelp}</p>
        <div class="row">
          <label class="field">${s.threshold}
            <input name="threshold" type="number" inputmode="numeric" min="2" max="1000" required .value=${draft.threshold}
              @input=${(e: Event) => this.#edit({ threshold: (e.target as HTMLInputElement).value, collectiveIsDefault: false })} /></label>
          <label class="field">${s.windowMinutes}
            <input name="window" type="number" inputmode="numeric" min="5" max="10080" required .value=${draft.windowMinutes}
              @input=${(e: Event) => this.#edit({ windowMinutes: (e.target as HTMLInputElement).value, collectiveIsDefault: false })} /></label>
        </div>
        ${draft.collectiveIsDefault ? nothing : html`<button class="button secondary" type="button" name="default-thresholds" @click=${() => this.#edit({ collectiveIsDefault: true })}>${s.useDefaultThresholds}</button>`}
        <h3>${s.synonymsHeading}</h3>
        <label class="field">${s.synonyms}
          <textarea name="synonyms" rows="5" aria-describedby="synonyms-help" .value=${draft.synonyms}
            @input=${(e: Event) => this.#edit({ synonyms: (e.target as HTMLTextAreaElement).value })}></textarea></label>
        <p class="help" id="synonyms-help">${s.synonymsHelp(SYNONYM_LIMITS.groupsMax, SYNONYM_LIMITS.wordsPerGroupMax)}</p>
        <h3>${s.notificationsHeading}</h3>
        <label class="field">${s.notificationChannel}
          <select name="notification-channel" aria-describedby="channel-help" @change=${(e: Event) => this.#edit({ notificationChannel: (e.target as HTMLSelectElement).value as NotificationChannel })}>
            ${NOTIFICATION_CHANNELS.map((channel) => html`<option value=${channel} ?selected=${draft.notificationChannel === channel}>${s.channelNames[channel]}</option>`)}
          </select></label>
        <p class="help" id="channel-help">${s.channelHelp}</p>
        <div class="actions">
          <button class="button" part="save" type="submit" ?disabled=${this.saving || unchanged || overLimit !== ''}
            aria-describedby=${overLimit ? 'signature-limit' : nothing}>${this.saving ? s.saving : s.save}</button>
          <p class="status ${this.failed ? 'failed' : ''}" part="status" role="status">${this.status}</p>
        </div>
        ${overLimit ? html`<p class="status failed" part="limit" id="signature-limit">${overLimit}</p>` : nothing}
      </form>
    `;
  }

  async #save(): Promise<void> {
    if (this.#overLimit(this.data!)) return;
    const s = this.#s;
    const change = changeOf(this.saved!, this.data!);
    this.saving = true;
    this.failed = false;
    this.status = s.saving;
    try {
      this.loaded(toDraft(await this.client.admin.updateCommunity(change)));
      this.status = s.saved;
    } catch (error) {
      this.failed = true;
      this.status = s.saveFailed(reasonOf(error));
    } finally {
      this.saving = false;
    }
  }
}

EntraideAdminCommunity.define('entraide-admin-community');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-admin-community': EntraideAdminCommunity;
  }
}
