/** The category form (create and edit): names and descriptions in each language, slug, holdback, account rule. */
import { html, nothing } from 'lit';
import type { AdminCategory, NewCategory } from '../../sdk/types.ts';
import { ACCOUNT_ACCESS, ADMIN_LIMITS, DEFAULT_HOLDBACK_MINUTES, LOCALES, type AccountAccess, type Locale } from '../../core/index.ts';
import type { AdminStrings } from '../admin/strings.ts';

export interface CategoryDraft {
  name: Partial<Record<Locale, string>>;
  description: Partial<Record<Locale, string>>;
  slug: string;
  holdbackMinutes: string;
  accountAccess: AccountAccess;
}

export const emptyDraft = (): CategoryDraft => ({ name: {}, description: {}, slug: '', holdbackMinutes: String(DEFAULT_HOLDBACK_MINUTES), accountAccess: 'asker' });

export const draftOf = (category: AdminCategory): CategoryDraft => ({
  name: { ...category.name }, description: { ...category.description }, slug: category.slug, holdbackMinutes: String(category.holdbackMinutes), accountAccess: category.accountAccess,
});

/** What the API takes; blank labels are sent blank so the server drops them (and refuses a missing default name). */
export function bodyOf(draft: CategoryDraft, withSlug: boolean): NewCategory {
  const body: NewCategory = { name: { ...draft.name }, description: { ...draft.description }, holdbackMinutes: Number(draft.holdbackMinutes), accountAccess: draft.accountAccess };
  if (withSlug && draft.slug.trim()) body.slug = draft.slug.trim();
  return body;
}

export interface CategoryFormOptions {
  s: AdminStrings;
  /** `new` or the category's id: ids of the fields stay unique when several forms are open. */
  key: string;
  draft: CategoryDraft;
  withSlug: boolean;
  busy: boolean;
  submitLabel: string;
  status: string;
  failed: boolean;
  change(draft: CategoryDraft): void;
  submit(): void;
  cancel?: () => void;
}

export function renderCategoryForm(o: CategoryFormOptions) {
  const { s, draft } = o;
  const text = (event: Event) => (event.target as HTMLInputElement).value;
  return html`
    <form class="category-form" part="category-form" data-key=${o.key} @submit=${(event: Event) => { event.preventDefault(); o.submit(); }}>
      <div class="row">
        ${LOCALES.map((code) => html`<label class="field">${s.nameIn(s.localeNames[code])}
          <input name="name-${code}" maxlength=${ADMIN_LIMITS.categoryNameMax} .value=${draft.name[code] ?? ''}
            @input=${(e: Event) => o.change({ ...draft, name: { ...draft.name, [code]: text(e) } })} /></label>`)}
      </div>
      <div class="row">
        ${LOCALES.map((code) => html`<label class="field">${s.descriptionIn(s.localeNames[code])}
          <input name="description-${code}" maxlength=${ADMIN_LIMITS.categoryDescriptionMax} .value=${draft.description[code] ?? ''}
            @input=${(e: Event) => o.change({ ...draft, description: { ...draft.description, [code]: text(e) } })} /></label>`)}
      </div>
      <div class="row">
        ${o.withSlug ? html`<label class="field">${s.slug}
          <input name="slug" maxlength="60" pattern="[a-z0-9]+(-[a-z0-9]+)*" aria-describedby="slug-help-${o.key}" .value=${draft.slug}
            @input=${(e: Event) => o.change({ ...draft, slug: text(e) })} />
          <span class="help" id="slug-help-${o.key}">${s.slugHelp}</span></label>` : nothing}
        <label class="field">${s.holdback}
          <input name="holdback" type="number" inputmode="numeric" min="0" max=${ADMIN_LIMITS.holdbackMaxMinutes} required aria-describedby="holdback-help-${o.key}"
            .value=${draft.holdbackMinutes} @input=${(e: Event) => o.change({ ...draft, holdbackMinutes: text(e) })} />
          <span class="help" id="holdback-help-${o.key}">${s.holdbackHelp}</span></label>
        <label class="field">${s.accountAccess}
          <select name="account-access" @change=${(e: Event) => o.change({ ...draft, accountAccess: text(e) as AccountAccess })}>
            ${ACCOUNT_ACCESS.map((rule) => html`<option value=${rule} ?selected=${draft.accountAccess === rule}>${s.accountAccessNames[rule]}</option>`)}
          </select></label>
      </div>
      <div class="actions">
        <button class="button" type="submit" name="submit" ?disabled=${o.busy}>${o.busy ? s.saving : o.submitLabel}</button>
        ${o.cancel ? html`<button class="button secondary" type="button" name="cancel" @click=${o.cancel}>${s.cancel}</button>` : nothing}
        <p class="status ${o.failed ? 'failed' : ''}" role="status">${o.status}</p>
      </div>
    </form>
  `;
}
