import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { AdminCategory } from '../../sdk/types.ts';
import { labelIn } from '../../core/index.ts';
import { adminInputs, formStyles } from '../admin/form.styles.ts';
import { adminStrings, reasonOf, type AdminStrings } from '../admin/strings.ts';
import { AdminElement } from '../admin/admin-element.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import { bodyOf, draftOf, emptyDraft, renderCategoryForm, type CategoryDraft } from './category-form.ts';
import '../internal/staff-client.ts';

/** One form's state: what is typed, whether it is being sent, what the server said. */
interface FormState {
  draft: CategoryDraft;
  busy: boolean;
  status: string;
  failed: boolean;
}

const freshForm = (draft: CategoryDraft): FormState => ({ draft, busy: false, status: '', failed: false });

/**
 * @summary The categories (admins): the forum's list in order, each with its threads, holdback,
 * account rule and archived state; move up and down, edit names and descriptions in each
 * language, holdback and account rule, archive and restore; and a form that creates a category
 * last in the list. Refusals are shown on the form that caused them, which keeps what was typed.
 *
 * @tag entraide-admin-categories
 *
 * @csspart category - One category of the list (`data-archived` when archived).
 * @csspart category-form - A create or edit form.
 * @csspart new - The "new category" section.
 * @csspart status - The list's status line (reorder, archive).
 * @csspart empty - Shown when the community has no category.
 * @csspart loading - The loading message.
 * @csspart error - The loading error and retry button.
 * @csspart refused - The message shown to anyone but an admin.
 */
export class EntraideAdminCategories extends AdminElement<AdminCategory[]> {
  static override styles = [tokens, controls, adminInputs, formStyles, css`
    :host { display: block; }
    ol { list-style: none; margin: 0; padding: 0; display: grid; gap: calc(var(--_space) / 2); }
    li { border: 1px solid var(--_color-border); border-radius: var(--_radius); padding: var(--_space); display: grid; gap: calc(var(--_space) / 2); }
    li[data-archived] { border-style: dashed; background: var(--_color-surface-alt); }
    .line { display: flex; flex-wrap: wrap; align-items: center; gap: calc(var(--_space) / 2) var(--_space); }
    .name { font-weight: 600; flex: 1 1 12rem; min-width: 0; overflow-wrap: anywhere; }
    .facts { color: var(--_color-muted); font-size: 0.9rem; }
    .tools { display: flex; flex-wrap: wrap; gap: calc(var(--_space) / 2); }
    .tools .button { min-height: 2.75rem; }
    .chip { padding: 0 var(--_space); border: 1px solid currentColor; border-radius: 999px; font-size: 0.8125em; font-weight: 600; }
  `];

  @state() protected creating: FormState = freshForm(emptyDraft());
  @state() protected editing: { id: number; form: FormState } | undefined;
  @state() protected listStatus = '';
  @state() protected listBusy = false;

  get #s(): AdminStrings {
    return adminStrings[this.resolvedLocale];
  }

  protected override async fetch(signal: AbortSignal): Promise<AdminCategory[]> {
    return (await this.client.admin.categories({ signal })).items;
  }

  protected override render() {
    const s = this.#s;
    return this.renderState({ refused: s.adminsOnly, loading: s.loading, loadFailed: s.loadFailed, retry: s.retry }) ?? this.#renderList(s, this.data!);
  }

  #renderList(s: AdminStrings, categories: AdminCategory[]) {
    return html`
      <h3 id="categories-heading">${s.categoriesHeading}</h3>
      <p class="help">${s.categoriesHelp}</p>
      ${categories.length
        ? html`<ol aria-labelledby="categories-heading">${categories.map((category, index) => this.#renderCategory(s, category, index))}</ol>`
        : html`<p class="state" part="empty">${s.noCategories}</p>`}
      <p class="status" part="status" role="status">${this.listStatus}</p>
      <section part="new" aria-labelledby="new-heading">
        <h3 id="new-heading">${s.newCategory}</h3>
        ${renderCategoryForm({
          s, key: 'new', draft: this.creating.draft, withSlug: true, busy: this.creating.busy, submitLabel: s.create, status: this.creating.status, failed: this.creating.failed,
          change: (draft) => (this.creating = { ...this.creating, draft, status: '' }),
          submit: () => void this.#create(),
        })}
      </section>
    `;
  }

  #nameOf(category: AdminCategory): string {
    return labelIn(category.name, this.resolvedLocale, 'fr');
  }

  #renderCategory(s: AdminStrings, category: AdminCategory, index: number) {
    const name = this.#nameOf(category);
    const last = index === this.data!.length - 1;
    const editing = this.editing?.id === category.id ? this.editing.form : undefined;
    return html`
      <li part="category" data-id=${category.id} ?data-archived=${category.archived}>
        <div class="line">
          <span class="name">${name}</span>
          ${category.archived ? html`<span class="chip">${s.archived}</span>` : nothing}
          <span class="facts">/${category.slug} · ${s.threads(category.threadCount)} · ${s.holdbackShort(category.holdbackMinutes)} · ${s.accountAccessNames[category.accountAccess]}</span>
        </div>
        <div class="tools">
          <button class="button secondary" type="button" name="up" aria-label=${s.moveUp(name)} ?disabled=${index === 0 || this.listBusy} @click=${() => void this.#move(index, -1)}>↑</button>
          <button class="button secondary" type="button" name="down" aria-label=${s.moveDown(name)} ?disabled=${last || this.listBusy} @click=${() => void this.#move(index, 1)}>↓</button>
          <button class="button secondary" type="button" name="edit" aria-label=${s.edit(name)} aria-expanded=${editing ? 'true' : 'false'} @click=${() => this.#toggleEdit(category)}>${s.editShort}</button>
          <button class="button secondary" type="button" name="archive" aria-label=${category.archived ? s.restore(name) : s.archive(name)} ?disabled=${this.listBusy}
            @click=${() => void this.#archive(category, !category.archived)}>${category.archived ? s.restoreShort : s.archiveShort}</button>
        </div>
        ${editing ? renderCategoryForm({
          s, key: String(category.id), draft: editing.draft, withSlug: false, busy: editing.busy, submitLabel: s.save, status: editing.status, failed: editing.failed,
          change: (draft) => (this.editing = { id: category.id, form: { ...editing, draft, status: '' } }),
          submit: () => void this.#saveEdit(category),
          cancel: () => (this.editing = undefined),
        }) : nothing}
      </li>
    `;
  }

  #toggleEdit(category: AdminCategory): void {
    this.editing = this.editing?.id === category.id ? undefined : { id: category.id, form: freshForm(draftOf(category)) };
  }

  #replace(updated: AdminCategory): void {
    this.data = this.data!.map((category) => (category.id === updated.id ? updated : category));
  }

  async #create(): Promise<void> {
    const s = this.#s;
    this.creating = { ...this.creating, busy: true, status: s.saving, failed: false };
    try {
      const created = await this.client.admin.createCategory(bodyOf(this.creating.draft, true));
      this.data = [...this.data!, created];
      this.creating = { ...freshForm(emptyDraft()), status: s.created(this.#nameOf(created)) };
    } catch (error) {
      this.creating = { ...this.creating, busy: false, status: s.saveFailed(reasonOf(error)), failed: true };
    }
  }

  async #saveEdit(category: AdminCategory): Promise<void> {
    const s = this.#s;
    const form = this.editing!.form;
    this.editing = { id: category.id, form: { ...form, busy: true, status: s.saving, failed: false } };
    try {
      const { name, description, holdbackMinutes, accountAccess } = bodyOf(form.draft, false);
      this.#replace(await this.client.admin.updateCategory(category.id, { name, description, holdbackMinutes, accountAccess }));
      this.editing = undefined;
      this.listStatus = s.saved;
    } catch (error) {
      this.editing = { id: category.id, form: { ...form, busy: false, status: s.saveFailed(reasonOf(error)), failed: true } };
    }
  }

  async #archive(category: AdminCategory, archived: boolean): Promise<void> {
    const s = this.#s;
    this.listBusy = true;
    try {
      this.#replace(await this.client.admin.updateCategory(category.id, { archived }));
      this.listStatus = s.saved;
    } catch (error) {
      this.listStatus = s.saveFailed(reasonOf(error));
    } finally {
      this.listBusy = false;
    }
  }

  /** Moves one place and saves the whole order; the moved button keeps the focus. */
  async #move(index: number, by: -1 | 1): Promise<void> {
    const s = this.#s;
    const order = this.data!.map((category) => category.id);
    const [moved] = order.splice(index, 1);
    order.splice(index + by, 0, moved!);
    this.listBusy = true;
    try {
      this.data = (await this.client.admin.reorderCategories(order)).items;
      this.listStatus = s.reordered;
    } catch (error) {
      this.listStatus = s.saveFailed(reasonOf(error));
    } finally {
      this.listBusy = false;
    }
    await this.updateComplete;
    const button = this.renderRoot.querySelector<HTMLButtonElement>(`li[data-id="${moved}"] [name="${by < 0 ? 'up' : 'down'}"]`);
    (button && !button.disabled ? button : this.renderRoot.querySelector<HTMLButtonElement>(`li[data-id="${moved}"] [name="edit"]`))?.focus();
  }
}

EntraideAdminCategories.define('entraide-admin-categories');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-admin-categories': EntraideAdminCategories;
  }
}
