/**
 * The weekly plan editor's template: one fieldset per slot (day, start, end, categories, remove),
 * the server's messages for a slot right under it, tied to its controls by `aria-describedby`.
 */
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Category } from '../../sdk/types.ts';
import type { DraftSlot, SaveProblems } from './plan-draft.ts';
import type { AgentTeamStrings } from './strings.ts';

/**
 * Times are typed as text on a 24-hour clock: Chromium draws `<input type="time">` in the
 * browser's language, so a French plan showed "01:30 PM".
 */
export const TIME_PATTERN = '([01]?[0-9]|2[0-3])[:hH][0-5][0-9]';

/** "9:05", "9h05" or "09:05" → "09:05"; anything else is kept for the plan's own check to name. */
export function twentyFourHour(text: string): string {
  const match = /^\s*(\d{1,2})\s*[:hH.]\s*(\d{2})\s*$/.exec(text);
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : text.trim();
}

export interface PlanEditorView {
  s: AgentTeamStrings;
  weekdays: string[];
  categories: readonly Category[];
  draft: readonly DraftSlot[];
  problems: SaveProblems;
  saving: boolean;
  status: string;
  change: (key: number, changes: Partial<DraftSlot>) => void;
  toggleCategory: (key: number, categoryId: number, on: boolean) => void;
  add: () => void;
  remove: (key: number) => void;
  save: (event: Event) => void;
}

export function renderPlanEditor(view: PlanEditorView) {
  const { s } = view;
  return html`
    <form class="plan" part="plan" aria-labelledby="plan-heading" novalidate @submit=${view.save}>
      <h3 id="plan-heading">${s.planHeading}</h3>
      <p class="help" id="plan-help">${s.planHelp}</p>
      ${view.problems.general.length || view.problems.bySlot.size
        ? html`<div class="problem" part="plan-error" role="alert">${s.fixSlots} ${view.problems.general.join(' ')}</div>`
        : nothing}
      ${view.draft.length === 0 ? html`<p class="state" part="empty">${s.planEmpty}</p>` : nothing}
      <ol class="slots">
        ${repeat(view.draft, (slot) => slot.key, (slot, index) => renderSlot(view, slot, index))}
      </ol>
      <div class="actions">
        <button class="button secondary" part="add-slot" type="button" @click=${view.add}>${s.addSlot}</button>
        <button class="button" part="save" type="submit" ?disabled=${view.saving}>${view.saving ? s.saving : s.save}</button>
      </div>
      <p class="status" part="status" role="status">${view.status}</p>
    </form>
  `;
}

function renderSlot(view: PlanEditorView, slot: DraftSlot, index: number) {
  const { s } = view;
  const id = `slot-${slot.key}`;
  const messages = view.problems.bySlot.get(index) ?? [];
  const describedBy = messages.length ? `${id}-problem plan-help` : 'plan-help';
  const invalid = messages.length ? 'true' : nothing;
  return html`
    <li>
      <fieldset class="slot" part="slot" data-index=${index} ?data-invalid=${messages.length > 0}>
        <legend>${s.slot(index + 1)}</legend>
        <div class="fields">
          <label>${s.weekday}
            <select name="weekday" aria-describedby=${describedBy} aria-invalid=${invalid} @change=${(event: Event) => view.change(slot.key, { weekday: Number((event.target as HTMLSelectElement).value) })}>
              ${view.weekdays.map((name, day) => html`<option value=${day} ?selected=${day === slot.weekday}>${name}</option>`)}
            </select>
          </label>
          <label>${s.start}
            <input type="text" name="start" inputmode="numeric" autocomplete="off" maxlength="5" placeholder="hh:mm" pattern=${TIME_PATTERN}
              .value=${slot.start} aria-describedby=${describedBy} aria-invalid=${invalid}
              @change=${(event: Event) => view.change(slot.key, { start: twentyFourHour((event.target as HTMLInputElement).value) })}>
          </label>
          <label>${s.end}
            <input type="text" name="end" inputmode="numeric" autocomplete="off" maxlength="5" placeholder="hh:mm" pattern=${TIME_PATTERN}
              .value=${slot.end} aria-describedby=${describedBy} aria-invalid=${invalid}
              @change=${(event: Event) => view.change(slot.key, { end: twentyFourHour((event.target as HTMLInputElement).value) })}>
          </label>
        </div>
        <fieldset class="categories">
          <legend>${s.categories}</legend>
          ${view.categories.map((category) => html`
            <label class="check">
              <input type="checkbox" name="category" value=${category.id} .checked=${slot.categoryIds.includes(category.id)}
                @change=${(event: Event) => view.toggleCategory(slot.key, category.id, (event.target as HTMLInputElement).checked)}>
              ${category.name}
            </label>`)}
        </fieldset>
        ${messages.length
          ? html`<ul class="problem" part="slot-error" id="${id}-problem">${messages.map((message) => html`<li>${message}</li>`)}</ul>`
          : nothing}
        <button class="button secondary" part="remove-slot" type="button" @click=${() => view.remove(slot.key)}>${s.removeSlot(index + 1)}</button>
      </fieldset>
    </li>
  `;
}
