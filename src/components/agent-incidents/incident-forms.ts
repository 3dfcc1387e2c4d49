/**
 * The forms of the alerts & incidents view: declaring an incident from an alert (prefilled),
 * posting an update, and the confirmation step before resolving. Templates only; the element
 * keeps the state and calls the API.
 */
import { html, nothing } from 'lit';
import type { CollectiveAlert, Incident, NewIncident } from '../../sdk/types.ts';
import { INCIDENT_LIMITS, INCIDENT_STATUSES, type IncidentStatus, type Locale } from '../../core/index.ts';
import type { ConsoleStrings } from '../agent-console/strings.ts';
import type { Links } from '../internal/router.ts';
import { countId, IncidentFieldLimits, type FieldLimitsView } from './incident-limits.ts';

const plain = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase('fr');

/**
 * The linked thread title that shares the most of the alert's keywords (the first on a tie):
 * the customers' own words make a title readers recognise, where the keyword list ("matin,
 * mobile, reseau") read like a search query.
 */
export function representativeTitle(alert: CollectiveAlert, titles: ReadonlyMap<number, string>): string | undefined {
  let best: { title: string; shared: number } | undefined;
  for (const threadId of alert.threadIds) {
    const title = titles.get(threadId)?.trim();
    if (!title) continue;
    const shared = alert.keywords.filter((keyword) => plain(title).includes(plain(keyword))).length;
    if (!best || shared > best.shared) best = { title, shared };
  }
  return best?.title;
}

/** What the declaration form starts with: a readable title (a linked thread's, or the category's), the region, the threads. */
export function draftFromAlert(s: ConsoleStrings, alert: CollectiveAlert, titles: ReadonlyMap<number, string>, categoryName: string): NewIncident {
  const title = representativeTitle(alert, titles);
  return {
    title: (title ? s.alertTitleSuggestion(title, alert.region) : s.alertTitleFallback(categoryName, alert.region)).slice(0, INCIDENT_LIMITS.titleMax),
    bannerText: s.alertBannerSuggestion(alert.region).slice(0, INCIDENT_LIMITS.bannerMax),
    categoryId: alert.categoryId,
    ...(alert.region ? { region: alert.region } : {}),
    threadIds: [...alert.threadIds],
  };
}

const value = (form: HTMLFormElement, name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null)?.value ?? '';

/**
 * The declaration as submitted: edited title and text, the threads still ticked, and the other
 * language's version when the advisor wrote both its fields (one alone is left out, as the
 * server would refuse it; the form's `required` pairing makes that rare).
 */
export function readDeclaration(form: HTMLFormElement, draft: NewIncident, other?: Locale): NewIncident {
  const ticked = [...form.querySelectorAll<HTMLInputElement>('input[name="threadIds"]:checked')].map((input) => Number(input.value));
  const declaration: NewIncident = { ...draft, title: value(form, 'title').trim(), bannerText: value(form, 'bannerText').trim(), threadIds: ticked };
  const translated = { title: value(form, 'otherTitle').trim(), bannerText: value(form, 'otherBannerText').trim() };
  if (other && translated.title && translated.bannerText) declaration.translations = { [other]: translated };
  return declaration;
}

/** The optional title and banner in the community's other language (issue 15, item 10): each required once the other is written. */
function renderOtherLanguage(s: ConsoleStrings, other: Locale, limits: FieldLimitsView) {
  const pair = (event: Event) => {
    const fieldset = (event.target as HTMLElement).closest('fieldset');
    const fields = [...(fieldset?.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea') ?? [])];
    const any = fields.some((field) => field.value.trim() !== '');
    for (const field of fields) field.required = any;
  };
  return html`
    <fieldset part="other-language" lang=${other} @input=${pair}>
      <legend lang="">${s.inOtherLanguage(other)}</legend>
      <p class="help" lang="" id="other-language-help">${s.inOtherLanguageHelp}</p>
      <label><span lang="">${s.incidentTitle}</span><input name="otherTitle" minlength="3" aria-describedby="other-language-help ${countId('otherTitle')}" /></label>
      ${limits.note('otherTitle')}
      <label><span lang="">${s.bannerText}</span><textarea name="otherBannerText" minlength="3" rows="3" aria-describedby="other-language-help ${countId('otherBannerText')}"></textarea></label>
      ${limits.note('otherBannerText')}
    </fieldset>`;
}

export function readUpdate(form: HTMLFormElement, resolving: boolean): { text: string; status: IncidentStatus } {
  return { text: value(form, 'text').trim(), status: resolving ? 'resolved' : (value(form, 'status') as IncidentStatus) };
}

interface FormHandlers {
  submit: (event: SubmitEvent) => void;
  cancel: () => void;
  /** Every field's input, for the length counts. */
  input: (event: Event) => void;
  limits: FieldLimitsView;
}

export function renderDeclareForm(s: ConsoleStrings, links: Links, draft: NewIncident, titles: Map<number, string>, busy: boolean, on: FormHandlers, other?: Locale) {
  const over = on.limits.overReason();
  return html`
    <form part="declare-form" class="form" aria-labelledby="declare-heading" @submit=${on.submit} @input=${on.input}>
      <h4 id="declare-heading">${s.declareHeading}</h4>
      <label>${s.incidentTitle}<input name="title" required minlength="3" aria-describedby=${countId('title')} .value=${draft.title} /></label>
      ${on.limits.note('title')}
      <label>${s.bannerText}<textarea name="bannerText" required minlength="3" rows="3" aria-describedby=${countId('bannerText')} .value=${draft.bannerText}></textarea></label>
      ${on.limits.note('bannerText')}
      ${other ? renderOtherLanguage(s, other, on.limits) : nothing}
      ${draft.threadIds.length ? html`
        <fieldset>
          <legend>${s.linkedThreads}</legend>
          ${draft.threadIds.map((threadId) => html`<label class="check"><input type="checkbox" name="threadIds" value=${threadId} checked />
            <a href=${links.href({ name: 'thread', threadId })}>${titles.get(threadId) ?? `#${threadId}`}</a></label>`)}
        </fieldset>` : nothing}
      <div class="buttons">
        <button class="button" part="submit-declare" type="submit" ?disabled=${busy || over !== ''}
          aria-describedby=${over ? 'declare-limit' : nothing}>${s.submitDeclare}</button>
        <button class="button secondary" type="button" @click=${on.cancel}>${s.cancel}</button>
      </div>
      ${IncidentFieldLimits.reasonNote(over, 'declare-limit')}
    </form>
  `;
}

export function renderUpdateForm(s: ConsoleStrings, incident: Incident, resolving: boolean, busy: boolean, on: FormHandlers) {
  const headingId = `update-heading-${incident.id}`;
  const over = on.limits.overReason();
  return html`
    <form part=${resolving ? 'resolve-form' : 'update-form'} class="form" aria-labelledby=${headingId} @submit=${on.submit} @input=${on.input}>
      <p id=${headingId} class=${resolving ? 'confirm' : ''}>${resolving ? s.confirmResolve(incident.title) : s.postUpdate}</p>
      ${resolving ? nothing : html`
        <label>${s.updateStatus}
          <select name="status">
            ${INCIDENT_STATUSES.filter((status) => status !== 'resolved').map((status) =>
              html`<option value=${status} ?selected=${status === incident.status}>${s.incidentStatus[status]}</option>`)}
          </select>
        </label>`}
      <label>${resolving ? s.resolveText : s.updateText}<textarea name="text" required minlength="3" rows="3" aria-describedby=${countId('text')}></textarea></label>
      ${on.limits.note('text')}
      <div class="buttons">
        <button class="button" part=${resolving ? 'confirm-resolve' : 'submit-update'} type="submit" ?disabled=${busy || over !== ''}
          aria-describedby=${over ? `update-limit-${incident.id}` : nothing}>${resolving ? s.confirmYes : s.submitUpdate}</button>
        <button class="button secondary" type="button" @click=${on.cancel}>${s.cancel}</button>
      </div>
      ${IncidentFieldLimits.reasonNote(over, `update-limit-${incident.id}`)}
    </form>
  `;
}
