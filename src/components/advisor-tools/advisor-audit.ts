import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AuditEntry } from '../../sdk/types.ts';
import { can, moderationRules } from '../../core/index.ts';
import { loadCommunity } from '../internal/community.ts';
import { formatDateTime } from '../internal/format.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import { AdvisorPart } from './advisor-part.ts';
import styles from './advisor-tools.styles.ts';
import { auditActionText, changeSentences } from './staff-words.ts';
import '../internal/staff-client.ts';

const PAGE_SIZE = 20;

/**
 * @summary The moderation log of this thread, newest first: who did what, when, why, and what
 * changed, in sentences of the staff's language (categories by name, statuses by label).
 *
 * @tag entraide-advisor-audit
 *
 * @csspart entries - The list of entries.
 * @csspart entry - Each entry.
 * @csspart more - The button loading older entries.
 */
export class EntraideAdvisorAudit extends AdvisorPart {
  static override styles = [tokens, controls, styles];

  /** Bumped by the tools after each action: the log reloads. */
  @property({ type: Number }) revision = 0;

  @state() protected older: AuditEntry[] = [];
  @state() protected cursor: string | null = null;

  readonly #log = new Task(this, {
    args: () => [this.client, this.thread?.id, this.revision, can(this.actor, moderationRules.readAudit)] as const,
    task: async ([client, threadId, , allowed], { signal }) => {
      if (!threadId || !allowed) return [] as AuditEntry[];
      // The thread's whole log: its own entries and its posts' (edits with their reason, hides, deletions).
      const page = await client.audit.list({ threadId, limit: PAGE_SIZE }, { signal });
      this.older = [];
      this.cursor = page.nextCursor;
      return page.items;
    },
  });

  /** Category names for "moved from … to …"; ids stand in until they load (or if they cannot). */
  readonly #categories = new Task(this, {
    args: () => [this.client, this.resolvedLocale] as const,
    task: async ([client, locale], { signal }) => new Map((await loadCommunity(client, locale, signal)).categories.map((c) => [c.id, c.name])),
  });

  readonly #more = async (): Promise<void> => {
    const threadId = this.thread?.id;
    const cursor = this.cursor;
    if (!threadId || !cursor) return;
    const page = await this.act(() => this.client.audit.list({ threadId, limit: PAGE_SIZE, cursor }));
    if (!page) return;
    this.older = [...this.older, ...page.items];
    this.cursor = page.nextCursor;
  };

  protected override render() {
    if (!this.thread || !can(this.actor, moderationRules.readAudit)) return nothing;
    const { s } = this;
    return html`
      <section class="panel" aria-labelledby="audit-heading">
        <h4 id="audit-heading">${s.auditHeading}</h4>
        ${this.#log.render({
          pending: () => html`<p class="muted" role="status">${s.loading}</p>`,
          complete: (items) => this.#renderEntries([...items, ...this.older]),
          error: (error) => html`<p class="error" role="alert">${this.failureText(error)}
            <button class="button secondary" type="button" @click=${() => void this.#log.run()}>${s.retry}</button></p>`,
        })}
        ${this.feedback?.tone === 'error' ? html`<p class="error" role="alert">${this.feedback.text}</p>` : nothing}
      </section>
    `;
  }

  #renderEntries(entries: AuditEntry[]) {
    const { s } = this;
    if (!entries.length) return html`<p class="muted">${s.auditEmpty}</p>`;
    return html`
      <ol part="entries">${entries.map((entry) => this.#renderEntry(entry))}</ol>
      ${this.cursor
        ? html`<button class="button secondary" part="more" type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this.#more}>${s.auditMore}</button>`
        : nothing}
    `;
  }

  #renderEntry(entry: AuditEntry) {
    const { s } = this;
    const changes = changeSentences(this.resolvedLocale, entry.before, entry.after, this.#categories.value);
    return html`
      <li class="item" part="entry" data-action=${entry.action}>
        <p><strong>${entry.actor ? s.auditBy(entry.actor.pseudonym) : s.formerMember}</strong>
          ${auditActionText(this.resolvedLocale, entry.action)}
          · <time class="muted" datetime=${entry.createdAt}>${formatDateTime(this.resolvedLocale, entry.createdAt)}</time></p>
        ${entry.reason ? html`<p class="reason">${s.auditReason(entry.reason)}</p>` : nothing}
        ${changes.length ? html`<ul class="muted changes">${changes.map((change) => html`<li>${change}</li>`)}</ul>` : nothing}
      </li>
    `;
  }
}

EntraideAdvisorAudit.define('entraide-advisor-audit');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-advisor-audit': EntraideAdvisorAudit;
  }
}
