/**
 * The rank ladder editor's template: the score's weights, then one table row per level (names in
 * each locale, minimum score and days, members now and with the ladder being edited). Each field
 * carries its own label, shown when the table is stacked on a narrow screen.
 */
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ADMIN_LIMITS, LOCALES, type Locale } from '../../core/index.ts';
import { MAX_COUNT, MAX_DAYS, WEIGHTS, type DraftLadder, type DraftStep, type WeightName } from './ladder-draft.ts';
import type { AdminRanksStrings } from './strings.ts';

export interface LadderEditorView {
  s: AdminRanksStrings;
  /** The community's default locale: every level needs a name in it. */
  defaultLocale: Locale;
  draft: DraftLadder;
  /** Fields holding no whole number (see `badNumbers`). */
  bad: ReadonlySet<string>;
  /** Members on each level of the saved ladder. */
  now: readonly number[];
  /** Members on each level of the ladder edited, when known; `stale` while a newer preview is awaited. */
  preview: readonly number[] | undefined;
  stale: boolean;
  editWeight: (name: WeightName, text: string) => void;
  editStep: (key: number, change: Partial<Pick<DraftStep, 'minScore' | 'minDays'>>) => void;
  editName: (key: number, locale: Locale, text: string) => void;
  add: () => void;
  remove: (key: number) => void;
}

const valueOf = (event: Event) => (event.target as HTMLInputElement).value;

/** A number field: its label, and the rule it breaks right under it, tied by `aria-describedby`. */
function numberField(label: string, id: string, name: string, value: string, bad: boolean, max: number, s: AdminRanksStrings, edit: (text: string) => void) {
  return html`
    <label class="field">
      <span class="cell-label">${label}</span>
      <input type="text" inputmode="numeric" autocomplete="off" name=${name} .value=${value}
        aria-invalid=${bad ? 'true' : nothing} aria-describedby=${bad ? `${id}-problem` : nothing}
        @input=${(event: Event) => edit(valueOf(event))}>
    </label>
    ${bad ? html`<span class="problem" id="${id}-problem">${s.wholeNumber(max)}</span>` : nothing}
  `;
}

export function renderWeights(view: LadderEditorView) {
  const { s, draft, bad } = view;
  return html`
    <fieldset class="weights" part="weights">
      <legend>${s.weightsLegend}</legend>
      <p class="help">${s.weightsHelp}</p>
      <div class="weight-fields">
        ${WEIGHTS.map((name) => html`
          <label class="field">
            <span>${s.weights[name]}</span>
            <input type="text" inputmode="numeric" autocomplete="off" name="weight-${name}" .value=${draft.weights[name]}
              aria-invalid=${bad.has(`weights.${name}`) ? 'true' : nothing} aria-describedby=${bad.has(`weights.${name}`) ? `weight-${name}-problem` : nothing}
              @input=${(event: Event) => view.editWeight(name, valueOf(event))}>
            ${bad.has(`weights.${name}`) ? html`<span class="problem" id="weight-${name}-problem">${s.wholeNumber(MAX_COUNT)}</span>` : nothing}
          </label>`)}
      </div>
    </fieldset>
  `;
}

export function renderSteps(view: LadderEditorView) {
  const { s, draft } = view;
  const nameHeading = (locale: Locale) => (locale === view.defaultLocale ? `${s.nameIn(locale)} ${s.required}` : s.nameIn(locale));
  return html`
    <table class="steps" part="steps" aria-busy=${view.stale ? 'true' : 'false'}>
      <caption>${s.stepsCaption}</caption>
      <thead>
        <tr>
          <th scope="col">${s.level}</th>
          ${LOCALES.map((locale) => html`<th scope="col">${nameHeading(locale)}</th>`)}
          <th scope="col">${s.minScore}</th>
          <th scope="col">${s.minDays}</th>
          <th scope="col">${s.membersNow}</th>
          <th scope="col">${s.membersPreview}</th>
          <th scope="col"><span class="visually-hidden">${s.actions}</span></th>
        </tr>
      </thead>
      <tbody>
        ${repeat(draft.steps, (step) => step.key, (step, index) => renderStep(view, step, index, nameHeading))}
      </tbody>
    </table>
    <button class="button secondary" part="add-step" type="button" ?disabled=${draft.steps.length >= ADMIN_LIMITS.rankStepsMax} @click=${view.add}>${s.addStep}</button>
  `;
}

function renderStep(view: LadderEditorView, step: DraftStep, index: number, nameHeading: (locale: Locale) => string) {
  const { s, bad } = view;
  const id = `step-${step.key}`;
  const count = (value: number | undefined) => (value === undefined ? s.noCount : s.count(value));
  return html`
    <tr part="step" data-key=${step.key} data-level=${index + 1}>
      <th scope="row">${s.levelNumber(index + 1)}</th>
      ${LOCALES.map((locale) => html`
        <td>
          <label class="field">
            <span class="cell-label">${nameHeading(locale)}</span>
            <input type="text" name="name-${locale}" autocomplete="off" maxlength=${ADMIN_LIMITS.rankNameMax} .value=${step.names[locale]}
              aria-required=${locale === view.defaultLocale ? 'true' : nothing}
              @input=${(event: Event) => view.editName(step.key, locale, valueOf(event))}>
          </label>
        </td>`)}
      <td>${numberField(s.minScore, `${id}-score`, 'minScore', step.minScore, bad.has(`steps.${step.key}.minScore`), MAX_COUNT, s, (text) => view.editStep(step.key, { minScore: text }))}</td>
      <td>${numberField(s.minDays, `${id}-days`, 'minDays', step.minDays, bad.has(`steps.${step.key}.minDays`), MAX_DAYS, s, (text) => view.editStep(step.key, { minDays: text }))}</td>
      <td class="count" part="members-now" data-label=${s.membersNow}>${count(view.now[index])}</td>
      <td class="count" part="members-preview" data-label=${s.membersPreview} ?data-stale=${view.stale}>${count(view.preview?.[index])}</td>
      <td>
        <button class="button secondary" part="remove-step" type="button" ?disabled=${view.draft.steps.length <= 1} @click=${() => view.remove(step.key)}>
          ${s.remove}<span class="visually-hidden"> ${s.removeStep(index + 1)}</span>
        </button>
      </td>
    </tr>
  `;
}
