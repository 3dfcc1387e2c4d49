import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { EntraideElement } from '../internal/entraide-element.ts';
import { LengthLimitController, overLimitReason } from '../internal/length-limit.ts';
import { limitNote } from '../internal/length-limit-view.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import styles from './advisor-tools.styles.ts';
import { ADVISOR_TOOLS_STRINGS } from './strings.ts';
import '../internal/staff-client.ts';

/** A text the confirmation asks for: a reason, an outcome, a first message. */
export interface ConfirmField {
  label: string;
  required: boolean;
  minLength?: number;
  /** Shown with the count, never a native `maxlength` (which cuts a paste without a word); 1,000 by default. */
  maxLength?: number;
  multiline?: boolean;
}

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  field?: ConfirmField;
}

/** The element focused deepest, through shadow roots: where focus goes back on close. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/**
 * @summary The confirmation every destructive advisor action goes through: a modal `<dialog>`
 * (focus stays inside it; Escape cancels) that may ask for a reason, then gives focus back to
 * the control that opened it. A field's text is kept as typed: over its limit, the count says
 * so, confirming waits with the reason, and the crossing is announced once.
 *
 * @tag entraide-advisor-confirm
 *
 * @csspart dialog - The `<dialog>`.
 * @csspart field - The reason or outcome field.
 * @csspart count - The field's character count and limit.
 * @csspart limit - Why confirming waits: the field is over its limit.
 * @csspart confirm - The confirm button.
 * @csspart cancel - The cancel button.
 */
export class EntraideAdvisorConfirm extends EntraideElement {
  static override styles = [tokens, controls, styles];

  @state() protected request: ConfirmRequest | undefined = undefined;
  @state() protected invalid = false;
  /** The field's length as typed (the field itself is not bound: `ask` empties it). */
  @state() protected length = 0;

  readonly #limit = new LengthLimitController(this);

  protected override willUpdate(): void {
    this.#limit.track(this.resolvedLocale, this.request?.field ? this.length : 0, this.#max);
  }

  get #max(): number {
    return this.request?.field?.maxLength ?? 1000;
  }

  #resolve: ((value: string | null) => void) | undefined;
  #opener: HTMLElement | null = null;

  /** Opens the dialog; resolves with the field's text ('' without a field), or null when cancelled. */
  async ask(request: ConfirmRequest): Promise<string | null> {
    this.#settle(null);
    this.#opener = deepActiveElement();
    this.request = request;
    this.invalid = false;
    this.length = 0;
    await this.updateComplete;
    const dialog = this.#dialog;
    const field = this.#field;
    if (field) field.value = '';
    dialog.showModal();
    // A reason is typed first; without one, Cancel takes focus so Enter never destroys by accident.
    (field ?? this.renderRoot.querySelector<HTMLElement>('[part="cancel"]'))?.focus();
    return new Promise((resolve) => (this.#resolve = resolve));
  }

  /** Whether the confirmation dialog is showing. */
  get open(): boolean {
    return this.renderRoot.querySelector('dialog')?.open ?? false;
  }

  get #dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }

  get #field(): HTMLInputElement | HTMLTextAreaElement | null {
    return this.renderRoot.querySelector<HTMLInputElement | HTMLTextAreaElement>('[part="field"]');
  }

  #settle(value: string | null): void {
    const resolve = this.#resolve;
    this.#resolve = undefined;
    resolve?.(value);
  }

  readonly #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const field = this.request?.field;
    const value = this.#field?.value.trim() ?? '';
    if (field && this.length > this.#max) return;
    if (field?.required && value.length < (field.minLength ?? 1)) {
      this.invalid = true;
      this.#field?.focus();
      return;
    }
    this.#close(value);
  };

  #close(value: string | null): void {
    if (this.#dialog.open) this.#dialog.close();
    this.#settle(value);
    this.#opener?.focus();
    this.#opener = null;
  }

  /** Tab cycles inside the dialog: the modal already makes the page inert, this keeps focus off the browser's chrome too. */
  readonly #onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Tab') return;
    const focusable = [...this.renderRoot.querySelectorAll<HTMLElement>('dialog input, dialog textarea, dialog button')];
    const first = focusable[0];
    const last = focusable.at(-1);
    const active = this.shadowRoot?.activeElement;
    if (event.shiftKey && active === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  /** In a multi-line field Enter is a new line: Ctrl+Enter (⌘+Enter) confirms, as in most editors. */
  readonly #onTextareaKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    this.renderRoot.querySelector('form')?.requestSubmit();
  };

  readonly #onInput = (event: Event): void => {
    this.length = (event.target as HTMLInputElement | HTMLTextAreaElement).value.length;
  };

  /** Escape (the dialog's own cancel) and the Cancel button both resolve null. */
  readonly #onCancel = (event: Event): void => {
    event.preventDefault();
    this.#close(null);
  };

  protected override render() {
    const s = ADVISOR_TOOLS_STRINGS[this.resolvedLocale];
    const request = this.request;
    const overLimit = request?.field ? overLimitReason(this.resolvedLocale, this.length, this.#max) : '';
    return html`
      <dialog part="dialog" aria-labelledby="confirm-title" aria-describedby="confirm-message" @cancel=${this.#onCancel} @keydown=${this.#onKeyDown}>
        ${request
          ? html`<form novalidate @submit=${this.#onSubmit}>
              <!-- Not a heading: the dialog is named by it, and the page's heading outline stays intact. -->
              <p class="title" id="confirm-title">${request.title}</p>
              <p id="confirm-message">${request.message}</p>
              ${request.field ? this.#renderField(request.field, s.reasonOptional, s.fieldRequired, s.submitHint) : nothing}
              <div class="actions">
                <button class="button" part="confirm" type="submit" ?disabled=${overLimit !== ''}
                  aria-describedby=${overLimit ? 'confirm-limit' : nothing}>${request.confirmLabel}</button>
                <button class="button secondary" part="cancel" type="button" @click=${this.#onCancel}>${s.cancel}</button>
                ${overLimit ? html`<span class="error" part="limit" id="confirm-limit">${overLimit}</span>` : nothing}
              </div>
            </form>`
          : nothing}
      </dialog>
    `;
  }

  #renderField(field: ConfirmField, optionalLabel: string, required: string, hint: string) {
    const label = field.required ? field.label : field.label || optionalLabel;
    const min = field.required ? (field.minLength ?? 1) : 0;
    const error = this.invalid ? html`<p class="error" id="confirm-error">${required}</p>` : nothing;
    const described = this.invalid ? 'confirm-error confirm-count' : 'confirm-count';
    const invalid = this.invalid || this.length > this.#max ? 'true' : 'false';
    return html`
      <label for="confirm-field">${label}</label>
      ${field.multiline ? html`<span class="hint">${hint}</span>` : nothing}
      ${field.multiline
        ? html`<textarea id="confirm-field" part="field" rows="3" minlength=${min} ?required=${field.required}
            aria-keyshortcuts="Control+Enter Meta+Enter" @keydown=${this.#onTextareaKey} @input=${this.#onInput}
            aria-invalid=${invalid} aria-describedby=${described}></textarea>`
        : html`<input id="confirm-field" part="field" type="text" minlength=${min} ?required=${field.required} @input=${this.#onInput}
            aria-invalid=${invalid} aria-describedby=${described}>`}
      ${limitNote(this.resolvedLocale, this.length, this.#max, this.#limit, 'confirm-count')}
      ${error}
    `;
  }
}

EntraideAdvisorConfirm.define('entraide-advisor-confirm');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-advisor-confirm': EntraideAdvisorConfirm;
  }
}
