import { consume } from '@lit/context';
import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { EntraideClient } from '../../sdk/index.ts';
import type { PostRevision } from '../../sdk/types.ts';
import { postBody } from '../internal/body.styles.ts';
import { clientContext, defaultClient } from '../internal/context.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import { formatDateTime } from '../internal/format.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import { editStrings, type EditStrings } from './edit.strings.ts';
import editStyles from './edit-form.styles.ts';
import styles from './flag-form.styles.ts';
import '../internal/staff-client.ts';

type Loaded = { status: 'loading' } | { status: 'error' } | { status: 'ready'; items: PostRevision[] };

/** Internal: the panel asks its `<entraide-post-actions>` to close it. */
export class HistoryCloseEvent extends Event {
  static readonly type = 'entraide-history-close';
  constructor() {
    super(HistoryCloseEvent.type);
  }
}

/**
 * @summary Internal to `<entraide-post-actions>`, staff only: the earlier texts of an edited
 * post, oldest first, each with when it was written, when and by whom it was replaced, and why.
 *
 * @tag entraide-post-history
 *
 * @csspart revision - One earlier text.
 * @csspart close - The close button.
 */
export class EntraidePostHistoryElement extends EntraideElement {
  static override styles = [tokens, controls, postBody, styles, editStyles];

  /** The edited post. */
  @property({ attribute: false }) postId = 0;

  /** The API client: the forum's, by context; alone, one on the same origin's `/api`. */
  @consume({ context: clientContext, subscribe: true }) client: EntraideClient = defaultClient();

  @state() protected loaded: Loaded = { status: 'loading' };

  get #s(): EditStrings {
    return editStrings[this.resolvedLocale];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  /** Focus moves to the panel's heading when it opens. */
  async focusFirst(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h3')?.focus();
  }

  async #load(): Promise<void> {
    this.loaded = { status: 'loading' };
    try {
      const { items } = await this.client.posts.revisions(this.postId);
      this.loaded = { status: 'ready', items };
    } catch {
      this.loaded = { status: 'error' };
    }
  }

  protected override render() {
    const s = this.#s;
    return html`
      <section class="form" aria-labelledby="history-heading" @keydown=${this.#onKeydown}>
        <h3 id="history-heading" tabindex="-1">${s.historyHeading}</h3>
        ${this.#renderBody(s)}
        <div class="buttons">
          <button class="button secondary" part="close" type="button" @click=${this.#close}>${s.close}</button>
        </div>
      </section>
    `;
  }

  #renderBody(s: EditStrings) {
    const loaded = this.loaded;
    if (loaded.status === 'loading') return html`<p class="meta" role="status">${s.historyLoading}</p>`;
    if (loaded.status === 'error') {
      return html`<p class="error" role="alert">${s.historyFailed}
        <button class="button secondary" type="button" @click=${() => void this.#load()}>${s.retry}</button></p>`;
    }
    if (loaded.items.length === 0) return html`<p class="meta">${s.historyEmpty}</p>`;
    const { locale } = this.t;
    // bodyHtml was rendered and sanitized by the server when that text was written.
    return html`<ol class="revisions">${loaded.items.map((revision) => html`
      <li class="revision" part="revision">
        <p class="meta">${s.revision(formatDateTime(locale, revision.writtenAt), formatDateTime(locale, revision.replacedAt), revision.editor.pseudonym)}</p>
        ${revision.reason ? html`<p class="meta">${s.reason} ${revision.reason}</p>` : ''}
        <div class="body">${unsafeHTML(revision.bodyHtml)}</div>
      </li>`)}</ol>`;
  }

  readonly #close = (): void => {
    this.dispatchEvent(new HistoryCloseEvent());
  };

  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.#close();
  };
}

EntraidePostHistoryElement.define('entraide-post-history');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-post-history': EntraidePostHistoryElement;
  }
}
