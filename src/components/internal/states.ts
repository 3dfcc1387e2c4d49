/**
 * The three states every loading view has. Errors say what happened in the reader's
 * language and always offer a way forward.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { isEntraideError } from '../../sdk/index.ts';
import type { Translation } from '../translations/index.ts';

export function renderLoading(t: Translation): TemplateResult {
  return html`<p class="state" part="loading" role="status">${t.loading}</p>`;
}

/**
 * A brand may put its own content there: the element's `empty` slot, with our text beside it until
 * the slot holds something. Not the slot's fallback: inside `<entraide-forum>`, the forum's own
 * `threads-empty` slot is assigned to it, and a slot assigned an empty slot shows no fallback.
 */
export function renderEmpty(text: string): TemplateResult {
  return html`<slot name="empty" @slotchange=${hideTextWhenFilled}></slot><p class="state" part="empty">${text}</p>`;
}

/** Hides the empty state's text while the slot, nested slots flattened, shows the brand's content. */
function hideTextWhenFilled(event: Event): void {
  const slot = event.currentTarget as HTMLSlotElement;
  const filled = slot.assignedNodes({ flatten: true }).some((node) => node.nodeType === Node.ELEMENT_NODE || Boolean(node.textContent?.trim()));
  slot.nextElementSibling?.toggleAttribute('hidden', filled);
}

/** What to tell the reader: a 404 is final, a network failure or a 5xx deserves a retry. */
export function errorText(t: Translation, error: unknown): string {
  if (!isEntraideError(error)) return t.loadFailed;
  if (error.status === 404) return t.notFound;
  if (error.status === 0) return t.networkFailed;
  return t.loadFailed;
}

export function renderError(t: Translation, error: unknown, retry: () => void): TemplateResult {
  const final = isEntraideError(error) && error.status === 404;
  return html`
    <div class="state error" part="error" role="alert">
      <span>${errorText(t, error)}</span>
      ${final ? null : html`<button class="button secondary" part="retry" type="button" @click=${retry}>${t.retry}</button>`}
    </div>
  `;
}

/** Where a paged list stands on its next page: whether there is one, the last failure, a load under way. */
export interface MorePages {
  hasNext: boolean;
  error: unknown;
  loading: boolean;
}

/**
 * The "more" button under a paged list: disabled while loading, a retry with the reason after a
 * failure. With `href` (the next page's address), a link that works with JavaScript off; with it,
 * `load` takes the click (and prevents the navigation). Never disabled then: that would drop the
 * keyboard user's focus.
 */
export function renderMore(t: Translation, more: MorePages, label: string, part: string, load: (event: Event) => unknown, href?: string): TemplateResult | typeof nothing {
  if (!more.hasNext && !more.error) return nothing;
  const text = more.loading ? t.loadingMore : more.error ? t.retry : label;
  return html`
    <div class="more">
      ${more.error ? html`<p class="state error" role="alert">${errorText(t, more.error)}</p>` : nothing}
      ${href === undefined
        ? html`<button class="button secondary" part=${part} type="button" ?disabled=${more.loading} @click=${load}>${text}</button>`
        : html`<a class="button secondary" part=${part} href=${href} aria-disabled=${more.loading} @click=${load}>${text}</a>`}
    </div>
  `;
}
