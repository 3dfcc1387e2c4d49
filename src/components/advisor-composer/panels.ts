/**
 * The advisor composer's side panels as render functions: recipient-design tips, the
 * community replies to confirm, colleagues to credit, FAQ suggestions and the signature.
 * User text (pseudonyms, excerpts, FAQ titles) only ever goes through Lit text bindings; the
 * signature is the server's sanitized rendering.
 */
import { html, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { FaqHit } from '../../sdk/types.ts';
import type { RecipientWarning } from '../../core/index.ts';
import type { Loaded } from './assist.ts';
import type { Colleague, CommunityReply } from './credits.ts';
import type { AdvisorComposerStrings } from './strings.ts';
import '../internal/staff-client.ts';

/** A warning's identity: dismissing one hides it until its details change (another name, other terms). */
export function warningKey(warning: RecipientWarning): string {
  switch (warning.kind) {
    case 'single-addressee':
      return `${warning.kind}:${warning.name}`;
    case 'jargon':
      return `${warning.kind}:${warning.terms.join(',')}`;
    case 'private-redirect':
      return `${warning.kind}:${warning.phrase}`;
    default:
      return warning.kind;
  }
}

export function renderWarnings(s: AdvisorComposerStrings, warnings: RecipientWarning[], dismiss: (key: string) => void) {
  return html`
    <section class="warnings" part="warnings" aria-label=${s.warningsLabel} aria-live="polite">
      ${warnings.map((warning) => {
        const text = s.warning(warning);
        const key = warningKey(warning);
        return html`
          <p class="warning" part="warning" data-kind=${warning.kind}>
            <span>${text}</span>
            <button class="button secondary small" part="dismiss" type="button" aria-label=${s.dismissLabel(text)} @click=${() => dismiss(key)}>${s.dismiss}</button>
          </p>
        `;
      })}
    </section>
  `;
}

export function renderCitations(s: AdvisorComposerStrings, replies: CommunityReply[], cited: ReadonlySet<number>, toggle: (reply: CommunityReply, on: boolean) => void, disabled: boolean) {
  return html`
    <fieldset part="credit" class="panel-box">
      <legend>${s.creditTitle}</legend>
      <p class="hint" id="credit-help">${s.creditHelp}</p>
      ${replies.length === 0 ? html`<p class="hint">${s.noCommunityReplies}</p>` : html`
        <ul class="checklist" aria-describedby="credit-help">
          ${replies.map((reply) => html`
            <li part="citation">
              <input type="checkbox" id="cite-${reply.postId}" data-post-id=${reply.postId} .checked=${cited.has(reply.postId)} ?disabled=${disabled}
                aria-describedby="excerpt-${reply.postId}" @change=${(event: Event) => toggle(reply, (event.target as HTMLInputElement).checked)} />
              <label for="cite-${reply.postId}"><span class="visually-hidden">${s.citeLabel(reply.author.pseudonym)}</span><span aria-hidden="true">@${reply.author.pseudonym}</span></label>
              <q class="excerpt" id="excerpt-${reply.postId}">${reply.excerpt}</q>
            </li>
          `)}
        </ul>
      `}
    </fieldset>
  `;
}

export function renderColleagues(s: AdvisorComposerStrings, colleagues: Colleague[], chosen: ReadonlySet<number>, toggle: (id: number, on: boolean) => void, disabled: boolean) {
  return html`
    <fieldset part="assisted-by" class="panel-box">
      <legend>${s.assistedTitle}</legend>
      ${colleagues.length === 0 ? html`<p class="hint">${s.noColleagues}</p>` : html`
        <ul class="checklist">
          ${colleagues.map((colleague) => html`
            <li>
              <input type="checkbox" id="assist-${colleague.id}" data-member-id=${colleague.id} .checked=${chosen.has(colleague.id)} ?disabled=${disabled}
                @change=${(event: Event) => toggle(colleague.id, (event.target as HTMLInputElement).checked)} />
              <label for="assist-${colleague.id}">${colleague.pseudonym}</label>
            </li>
          `)}
        </ul>
      `}
    </fieldset>
  `;
}

function faqBody(s: AdvisorComposerStrings, faq: Loaded<FaqHit[]>, linked: ReadonlySet<number>, toggle: (id: number) => void) {
  if (faq.status === 'loading') return html`<p class="hint" role="status">${s.faqLoading}</p>`;
  if (faq.status === 'error') return html`<p class="hint">${s.faqFailed}</p>`;
  if (faq.value.length === 0) return html`<p class="hint">${s.noFaq}</p>`;
  return html`
    <ul class="faq-list">
      ${faq.value.map((article) => html`
        <li part="faq">
          <span class="faq-title" id="faq-${article.id}">${article.title}</span>
          <button class="button secondary small" type="button" data-faq-id=${article.id} aria-pressed=${linked.has(article.id) ? 'true' : 'false'}
            aria-describedby="faq-${article.id}" @click=${() => toggle(article.id)}>${linked.has(article.id) ? s.linkedFaq : s.linkFaq}</button>
        </li>
      `)}
    </ul>
  `;
}

export function renderFaq(s: AdvisorComposerStrings, faq: Loaded<FaqHit[]>, linked: ReadonlySet<number>, toggle: (id: number) => void) {
  return html`
    <section part="faq-suggestions" class="panel-box" aria-labelledby="faq-heading">
      <h3 id="faq-heading">${s.faqTitle}</h3>
      ${faqBody(s, faq, linked, toggle)}
    </section>
  `;
}

export function renderSignature(s: AdvisorComposerStrings, signature: Loaded<string>) {
  let content;
  if (signature.status === 'loading') content = nothing;
  else if (signature.status === 'error') content = html`<p class="hint">${s.signatureFailed}</p>`;
  else if (!signature.value) content = html`<p class="hint">${s.noSignature}</p>`;
  // Rendered and allow-list sanitized by the server (client.posts.preview), as a post's signatureHtml.
  else content = html`<div class="signature-body">${unsafeHTML(signature.value)}</div>`;
  return html`
    <section part="signature" class="signature" aria-labelledby="signature-heading">
      <h3 id="signature-heading">${s.signatureTitle}</h3>
      ${content}
    </section>
  `;
}
