/**
 * What every tab of the administration shares: the forum's client and session by context, a
 * refusal for anyone the tab's rule does not allow (without a request), and one load of the
 * tab's data — aborted when the element leaves, done again when the session changes, with its
 * loading and error (retry) states.
 */
import { consume } from '@lit/context';
import { html, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { adminRules, can, type Actor } from '../../core/index.ts';
import type { EntraideClient } from '../../sdk/index.ts';
import { GUEST, actorOf, clientContext, defaultClient, sessionContext, type SessionState } from '../internal/context.ts';
import { EntraideElement } from '../internal/entraide-element.ts';

/** The words of the states, from the tab's own strings. */
export interface StateWords {
  refused: string;
  loading: string;
  loadFailed: string;
  retry: string;
}

export abstract class AdminElement<Data> extends EntraideElement {
  /** The SDK client: the forum's, by context; alone, one on the same origin's `/api`. */
  @consume({ context: clientContext, subscribe: true }) client: EntraideClient = defaultClient();
  /** Who is signed in: the forum's session, by context; alone, a guest (refused). */
  @consume({ context: sessionContext, subscribe: true }) session: SessionState = GUEST;

  @state() protected data: Data | undefined;
  @state() protected loadError: unknown = undefined;

  #abort: AbortController | undefined;

  /** Whether `actor` may open this tab; most are the administration's. */
  protected allows(actor: Actor): boolean {
    return can(actor, adminRules.administer);
  }

  protected get allowed(): boolean {
    return this.allows(actorOf(this.session));
  }

  /** The tab's data, read with `signal` (aborted when the element leaves or reloads). */
  protected abstract fetch(signal: AbortSignal): Promise<Data>;

  /** Called with fresh data; tabs that keep a draft of it start it here. */
  protected loaded(data: Data): void {
    this.data = data;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    // The session arrives by context, possibly after the first load: load again for the new person.
    if (changed.has('session') && changed.get('session') !== undefined) void this.reload();
  }

  protected async reload(): Promise<void> {
    this.#abort?.abort();
    if (!this.allowed) return;
    const abort = new AbortController();
    this.#abort = abort;
    this.loadError = undefined;
    this.data = undefined;
    try {
      const data = await this.fetch(abort.signal);
      if (!abort.signal.aborted) this.loaded(data);
    } catch (error) {
      if (!abort.signal.aborted) this.loadError = error;
    }
  }

  /** The refusal, the error or the loading state; undefined once the data is here. */
  protected renderState(words: StateWords): TemplateResult | undefined {
    if (!this.allowed) return html`<p class="state" part="refused" role="alert">${words.refused}</p>`;
    if (this.loadError) {
      return html`<div class="state error" part="error" role="alert"><span>${words.loadFailed}</span>
        <button class="button secondary" part="retry" type="button" @click=${() => void this.reload()}>${words.retry}</button></div>`;
    }
    if (this.data === undefined) return html`<p class="state" part="loading" role="status">${words.loading}</p>`;
    return undefined;
  }
}
