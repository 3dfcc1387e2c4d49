/**
 * The "new webhook" form: what it holds, what is wrong with it (checked here first, then by the
 * server, whose refusals land under the field they are about), and its template. The element
 * keeps the state and calls the API.
 */
import { html, nothing } from 'lit';
import { isEntraideError } from '../../sdk/index.ts';
import { WEBHOOK_EVENTS, WEBHOOK_LIMITS, webhookUrlIssue, type WebhookEvent } from '../../core/index.ts';
import type { AdminWebhooksStrings } from './strings.ts';

export interface WebhookDraft {
  url: string;
  description: string;
  /** `all`: every event, later ones included; `some`: the ticked `events`. */
  scope: 'all' | 'some';
  events: WebhookEvent[];
  enabled: boolean;
}

export const EMPTY_DRAFT: WebhookDraft = { url: '', description: '', scope: 'all', events: [], enabled: true };

/** Messages by field; `general` for a refusal that names none. */
export interface FormProblems {
  url?: string;
  description?: string;
  events?: string;
  general?: string;
}

/** What the form can tell before asking the server (it does not know the server's host policy). */
export function draftProblems(s: AdminWebhooksStrings, draft: WebhookDraft): FormProblems {
  const problems: FormProblems = {};
  const issue = webhookUrlIssue(draft.url, 'allow');
  if (issue) problems.url = s.urlIssues[issue];
  // eslint-disable-next-line no-control-regex -- the server refuses control characters in a description
  if (draft.description.trim().length > WEBHOOK_LIMITS.descriptionMax || /[\u0000-\u001f\u007f]/.test(draft.description)) problems.description = s.descriptionInvalid;
  if (draft.scope === 'some' && draft.events.length === 0) problems.events = s.pickEvents;
  return problems;
}

export const hasProblems = (problems: FormProblems): boolean => Object.values(problems).some(Boolean);

/** The server's refusal, put under the field its details name. */
export function refusalProblems(s: AdminWebhooksStrings, error: unknown): FormProblems {
  if (!isEntraideError(error) || error.code !== 'validation_failed') return { general: s.saveFailed };
  const paths = Array.isArray(error.details) ? (error.details as Array<{ path?: string }>).map((detail) => detail.path ?? '') : [];
  const problems: FormProblems = {};
  if (paths.some((path) => path.startsWith('/url'))) problems.url = s.urlIssues['private-host'];
  if (paths.some((path) => path.startsWith('/description'))) problems.description = s.descriptionInvalid;
  if (paths.some((path) => path.startsWith('/events'))) problems.events = s.pickEvents;
  return hasProblems(problems) ? problems : { general: s.saveFailed };
}

interface FormHandlers {
  change: (changes: Partial<WebhookDraft>) => void;
  toggleEvent: (event: WebhookEvent, on: boolean) => void;
  submit: (event: SubmitEvent) => void;
  cancel: () => void;
}

const described = (id: string, problem: string | undefined) => (problem ? `${id}-help ${id}-error` : `${id}-help`);

export function renderWebhookForm(s: AdminWebhooksStrings, draft: WebhookDraft, problems: FormProblems, busy: boolean, on: FormHandlers) {
  const error = (id: string, problem: string | undefined) => (problem ? html`<p class="field-error" id=${`${id}-error`} part="field-error">${problem}</p>` : nothing);
  return html`
    <form part="add-form" class="form card" aria-labelledby="add-heading" novalidate @submit=${on.submit}>
      <h3 id="add-heading">${s.addHeading}</h3>
      ${problems.general ? html`<p class="field-error" role="alert">${problems.general}</p>` : nothing}
      <label for="webhook-url">${s.url}</label>
      <input id="webhook-url" name="url" type="text" inputmode="url" autocomplete="off" spellcheck="false" required maxlength=${WEBHOOK_LIMITS.urlMax}
        placeholder="https://" .value=${draft.url} aria-invalid=${problems.url ? 'true' : 'false'} aria-describedby=${described('webhook-url', problems.url)}
        @input=${(event: Event) => on.change({ url: (event.target as HTMLInputElement).value })} />
      <p class="help" id="webhook-url-help">${s.urlHelp}</p>
      ${error('webhook-url', problems.url)}
      <label for="webhook-description">${s.description}</label>
      <input id="webhook-description" name="description" type="text" maxlength=${WEBHOOK_LIMITS.descriptionMax} .value=${draft.description}
        aria-invalid=${problems.description ? 'true' : 'false'} aria-describedby=${described('webhook-description', problems.description)}
        @input=${(event: Event) => on.change({ description: (event.target as HTMLInputElement).value })} />
      <p class="help" id="webhook-description-help">${s.descriptionHelp}</p>
      ${error('webhook-description', problems.description)}
      <fieldset aria-describedby=${problems.events ? 'webhook-events-error' : nothing}>
        <legend>${s.events}</legend>
        <label class="check"><input type="radio" name="scope" value="all" .checked=${draft.scope === 'all'} @change=${() => on.change({ scope: 'all' })} />${s.allEvents}</label>
        <label class="check"><input type="radio" name="scope" value="some" .checked=${draft.scope === 'some'} @change=${() => on.change({ scope: 'some' })} />${s.someEvents}</label>
        <div class="events">
          ${WEBHOOK_EVENTS.map((name) => html`<label class="check"><input type="checkbox" name="events" value=${name} .checked=${draft.events.includes(name)}
            ?disabled=${draft.scope === 'all'} @change=${(event: Event) => on.toggleEvent(name, (event.target as HTMLInputElement).checked)} />${s.eventNames[name]}</label>`)}
        </div>
        ${error('webhook-events', problems.events)}
      </fieldset>
      <label class="check"><input type="checkbox" name="enabled" .checked=${draft.enabled} @change=${(event: Event) => on.change({ enabled: (event.target as HTMLInputElement).checked })} />${s.enabledOnCreate}</label>
      <div class="buttons">
        <button class="button" part="create" type="submit" ?disabled=${busy}>${busy ? s.creating : s.create}</button>
        <button class="button secondary" part="cancel-add" type="button" @click=${on.cancel}>${s.cancel}</button>
      </div>
    </form>
  `;
}
