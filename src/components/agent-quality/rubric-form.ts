/**
 * One sampled post's rubric form: a radio group per criterion (1–4, each score labelled), an
 * optional comment, and the saved average. The element keeps the drafts; this only draws them.
 */
import { html, nothing } from 'lit';
import type { Rubric } from '../../sdk/types.ts';
import { REVIEW_LIMITS, type Locale } from '../../core/index.ts';
import { RUBRIC_CRITERIA, type RubricCriterion } from '../../core/review.ts';
import { overLimitReason, type LengthLimitController } from '../internal/length-limit.ts';
import { limitNote } from '../internal/length-limit-view.ts';
import type { AgentQualityStrings } from './strings.ts';

export interface RubricDraft {
  scores: Partial<Record<RubricCriterion, number>>;
  comment: string;
  saving: boolean;
  error: string;
}

export interface RubricFormView {
  s: AgentQualityStrings;
  locale: Locale;
  postId: number;
  draft: RubricDraft;
  saved: Rubric | null;
  /** Says once when the comment crosses its limit. */
  limit: LengthLimitController;
  score: (criterion: RubricCriterion, value: number) => void;
  comment: (text: string) => void;
  save: (event: Event) => void;
}

export function draftOf(rubric: Rubric | null): RubricDraft {
  if (!rubric) return { scores: {}, comment: '', saving: false, error: '' };
  const { accuracy, clarity, tone, involvement, comment } = rubric;
  return { scores: { accuracy, clarity, tone, involvement }, comment, saving: false, error: '' };
}

export function isComplete(draft: RubricDraft): boolean {
  return RUBRIC_CRITERIA.every((criterion) => draft.scores[criterion] !== undefined);
}

export function renderRubricForm(view: RubricFormView) {
  const { s, postId, draft } = view;
  const max = REVIEW_LIMITS.rubricCommentMax;
  // No native maxlength: it would cut a paste without a word (issue 15, item 12).
  const overLimit = overLimitReason(view.locale, draft.comment.length, max);
  return html`
    <form class="rubric" part="rubric" @submit=${view.save}>
      <div class="criteria">
        ${RUBRIC_CRITERIA.map((criterion) => html`
          <fieldset class="criterion" part="criterion">
            <legend>${s.criteria[criterion]}</legend>
            ${s.scores.map((label, index) => html`
              <label class="score">
                <input type="radio" name="${criterion}-${postId}" value=${index + 1} .checked=${draft.scores[criterion] === index + 1}
                  required @change=${() => view.score(criterion, index + 1)}>
                ${label}
              </label>`)}
          </fieldset>`)}
      </div>
      <label class="comment">${s.comment}
        <textarea name="comment" rows="2" .value=${draft.comment} aria-describedby="rubric-count-${postId}" aria-invalid=${overLimit ? 'true' : 'false'}
          @input=${(event: Event) => view.comment((event.target as HTMLTextAreaElement).value)}></textarea>
      </label>
      <p class="limit">${limitNote(view.locale, draft.comment.length, max, view.limit, `rubric-count-${postId}`)}</p>
      <div class="actions">
        <button class="button" part="save" type="submit" ?disabled=${draft.saving || !isComplete(draft) || overLimit !== ''}
          aria-describedby=${overLimit ? `rubric-limit-${postId}` : nothing}>${draft.saving ? s.saving : s.save}</button>
        <p class="average" part="average" role="status">${renderSaved(view)}</p>
      </div>
      ${overLimit ? html`<p class="problem" part="limit" id="rubric-limit-${postId}">${overLimit}</p>` : nothing}
      ${draft.error ? html`<p class="problem" part="rubric-error" role="alert">${draft.error}</p>` : nothing}
    </form>
  `;
}

function renderSaved({ s, locale, saved }: RubricFormView) {
  if (!saved) return s.notScored;
  const average = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(saved.average);
  return `${s.average(average)} (${s.reviewedBy(saved.reviewer.pseudonym)})`;
}
