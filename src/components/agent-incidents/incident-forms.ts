/**
 * The forms of the alerts & incidents view: declaring an incident from an alert (prefilled),
 * posting an update, and the confirmation step before resolving. Templates only; the element
 * keeps the state and calls the API.
 */
import { html, nothing } from 'lit';
import type { CollectiveAlert, Incident, NewIncident } from '../../sdk/types.ts';
import { INCIDENT_STATUSES, type IncidentStatus } from '../../core/index.ts';
import type { ConsoleStrings } from '../agent-console/strings.ts';
import type { Links } from '../internal/router.ts';

/** What the declaration form starts with: the alert's words, category, region and threads. */
export function draftFromAlert(s: ConsoleStrings, alert: CollectiveAlert): NewIncident {
  const words = alert.keywords.slice(0, 4).join(', ') || String(alert.count);
  return {
    title: s.alertTitleSuggestion(words).slice(0, 200),
    bannerText: s.alertBannerSuggestion(words).slice(0, 500),
    categoryId: alert.categoryId,
    ...(alert.region ? { region: alert.region } : {}),
    threadIds: [...alert.threadIds],
  };
}

const value = (form: HTMLFormElement, name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null)?.value ?? '';

/** The declaration as submitted: edited title and text, the threads still ticked. */
export function readDeclaration(form: HTMLFormElement, draft: NewIncident): NewIncident {
  const ticked = [...form.querySelectorAll<HTMLInputElement>('input[name="threadIds"]:checked')].map((input) => Number(input.value));
  return { ...draft, title: value(form, 'title').trim(), bannerText: value(form, 'bannerText').trim(), threadIds: ticked };
}

export function readUpdate(form: HTMLFormElement, resolving: boolean): { text: string; status: IncidentStatus } {
  return { text: value(form, 'text').trim(), status: resolving ? 'resolved' : (value(form, 'status') as IncidentStatus) };
}

interface FormHandlers {
  submit: (event: SubmitEvent) => void;
  cancel: () => void;
}

export function renderDeclareForm(s: ConsoleStrings, links: Links, draft: NewIncident, titles: Map<number, string>, busy: boolean, on: FormHandlers) {
  return html`
    <form part="declare-form" class="form" aria-labelledby="declare-heading" @submit=${on.submit}>
      <h4 id="declare-heading">${s.declareHeading}</h4>
      <label>${s.incidentTitle}<input name="title" required minlength="3" maxlength="200" .value=${draft.title} /></label>
      <label>${s.bannerText}<textarea name="bannerText" required minlength="3" maxlength="500" rows="3" .value=${draft.bannerText}></textarea></label>
      ${draft.threadIds.length ? html`
        <fieldset>
          <legend>${s.linkedThreads}</legend>
          ${draft.threadIds.map((threadId) => html`<label class="check"><input type="checkbox" name="threadIds" value=${threadId} checked />
            <a href=${links.href({ name: 'thread', threadId })}>${titles.get(threadId) ?? `#${threadId}`}</a></label>`)}
        </fieldset>` : nothing}
      <div class="buttons">
        <button class="button" part="submit-declare" type="submit" ?disabled=${busy}>${s.submitDeclare}</button>
        <button class="button secondary" type="button" @click=${on.cancel}>${s.cancel}</button>
      </div>
    </form>
  `;
}

export function renderUpdateForm(s: ConsoleStrings, incident: Incident, resolving: boolean, busy: boolean, on: FormHandlers) {
  const headingId = `update-heading-${incident.id}`;
  return html`
    <form part=${resolving ? 'resolve-form' : 'update-form'} class="form" aria-labelledby=${headingId} @submit=${on.submit}>
      <p id=${headingId} class=${resolving ? 'confirm' : ''}>${resolving ? s.confirmResolve(incident.title) : s.postUpdate}</p>
      ${resolving ? nothing : html`
        <label>${s.updateStatus}
          <select name="status">
            ${INCIDENT_STATUSES.filter((status) => status !== 'resolved').map((status) =>
              html`<option value=${status} ?selected=${status === incident.status}>${s.incidentStatus[status]}</option>`)}
          </select>
        </label>`}
      <label>${resolving ? s.resolveText : s.updateText}<textarea name="text" required minlength="3" maxlength="5000" rows="3"></textarea></label>
      <div class="buttons">
        <button class="button" part=${resolving ? 'confirm-resolve' : 'submit-update'} type="submit" ?disabled=${busy}>${resolving ? s.confirmYes : s.submitUpdate}</button>
        <button class="button secondary" type="button" @click=${on.cancel}>${s.cancel}</button>
      </div>
    </form>
  `;
}
