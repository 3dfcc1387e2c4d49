/**
 * The length limits of the incident forms' long fields (issue 15, item 12): no native
 * `maxlength` (it cut a paste without a word), so each field keeps its text as typed, shows
 * "212 / 200 caractères" under it, and the form's submit is disabled with the reason while one
 * is over. The limits are the contract's own, from core.
 */
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { INCIDENT_LIMITS, type Locale } from '../../core/index.ts';
import { LengthLimitController, overLimitReason } from '../internal/length-limit.ts';
import { limitNote } from '../internal/length-limit-view.ts';

const FIELD_MAX = {
  title: INCIDENT_LIMITS.titleMax,
  bannerText: INCIDENT_LIMITS.bannerMax,
  otherTitle: INCIDENT_LIMITS.titleMax,
  otherBannerText: INCIDENT_LIMITS.bannerMax,
  text: INCIDENT_LIMITS.updateMax,
} as const;

export type LimitedField = keyof typeof FIELD_MAX;

const isLimited = (name: string): name is LimitedField => Object.hasOwn(FIELD_MAX, name);

/** The id of a field's count, for its `aria-describedby`. */
export const countId = (name: LimitedField) => `incident-${name}-count`;

/** What the form templates need: each field's count, and why submitting is refused ('' when every field fits). */
export interface FieldLimitsView {
  note: (name: LimitedField) => unknown;
  overReason: () => string;
}

/** The lengths of the open forms' fields as typed, with one announcer per field. */
export class IncidentFieldLimits {
  readonly #host: ReactiveControllerHost;
  readonly #lengths = new Map<LimitedField, number>();
  readonly #announcers = new Map<LimitedField, LengthLimitController>();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    for (const name of Object.keys(FIELD_MAX) as LimitedField[]) this.#announcers.set(name, new LengthLimitController(host));
  }

  /** A form opens: its fields' lengths are the texts it starts with (other forms' fields are left as they are). */
  reset(locale: Locale, initial: Partial<Record<LimitedField, string>>): void {
    for (const [name, text] of Object.entries(initial) as [LimitedField, string][]) this.#set(locale, name, text.length);
  }

  /** The forms' `@input` (it bubbles from every field). */
  input(locale: Locale, event: Event): void {
    const field = event.target as HTMLInputElement | HTMLTextAreaElement;
    if (!isLimited(field.name)) return;
    this.#set(locale, field.name, field.value.length);
    this.#host.requestUpdate();
  }

  view(locale: Locale): FieldLimitsView {
    const length = (name: LimitedField) => this.#lengths.get(name) ?? 0;
    return {
      note: (name) => html`<span class="limit">${limitNote(locale, length(name), FIELD_MAX[name], this.#announcers.get(name)!, countId(name))}</span>`,
      overReason: () => {
        const over = (Object.keys(FIELD_MAX) as LimitedField[]).find((name) => length(name) > FIELD_MAX[name]);
        return over ? overLimitReason(locale, length(over), FIELD_MAX[over]) : '';
      },
    };
  }

  /** The reason under a disabled submit button, with the id the button points at. */
  static reasonNote(reason: string, id: string) {
    return reason ? html`<p class="problem" part="limit" id=${id}>${reason}</p>` : nothing;
  }

  #set(locale: Locale, name: LimitedField, length: number): void {
    this.#lengths.set(name, length);
    this.#announcers.get(name)!.track(locale, length, FIELD_MAX[name]);
  }
}
