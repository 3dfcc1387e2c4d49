import { consume } from '@lit/context';
import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { can, isSignedIn, threadRules, type ThreadStatus } from '../../core/index.ts';
import type { EntraideClient } from '../../sdk/index.ts';
import { isEntraideError } from '../../sdk/index.ts';
import { EntraideSignInRequestedEvent } from '../events/sign-in-requested.ts';
import { GUEST, actorOf, clientContext, defaultClient, sessionContext, type SessionState } from '../internal/context.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
// Marking "same problem here" is a write: the writing half of the client comes with this chunk.
import '../internal/staff-client.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import styles from './same-problem.styles.ts';
import { interactionsStrings } from '../translations/interactions.strings.ts';
import { registerStrings } from '../translations/index.ts';

registerStrings(interactionsStrings);

/**
 * @summary "Same problem here" (study §16): readers with the same problem say so instead of
 * asking again, and the count tells advisors how many customers are affected.
 *
 * @tag entraide-same-problem
 *
 * A toggle for signed-in members (optimistic, rolled back with a message on failure, the new
 * count announced politely); guests get a sign-in action; the asker sees the count only.
 *
 * @csspart base - The wrapper.
 * @csspart button - The toggle (members) or sign-in action (guests).
 * @csspart count - The count.
 * @csspart error - The visible message when the server refused or could not be reached.
 * @csspart message - The live region (new count, errors), visually hidden.
 *
 * @fires {EntraideSignInRequestedEvent} entraide-sign-in-requested - A guest wants to say they have the same problem.
 */
export class EntraideSameProblem extends EntraideElement {
  static override styles = [tokens, controls, styles];

  /** The thread. */
  @property({ type: Number, attribute: 'thread-id' }) threadId = 0;
  /** Members who have the same problem, as the thread summary says. */
  @property({ type: Number }) count = 0;
  /** Set when the signed-in member already said they have the same problem. */
  @property({ type: Boolean, reflect: true }) marked = false;
  /** Who asked: the asker sees the count only. */
  @property({ type: Number, attribute: 'asker-id' }) askerId = 0;
  /** The thread's status: an archived thread no longer takes marks. */
  @property() status: ThreadStatus = 'open';

  /** The API client: the forum's, by context; alone, one on the same origin's `/api`. */
  @consume({ context: clientContext, subscribe: true }) client: EntraideClient = defaultClient();
  /** Who is signed in: the forum's session, by context; alone, a guest. */
  @consume({ context: sessionContext, subscribe: true }) session: SessionState = GUEST;

  @state() protected shownCount = 0;
  @state() protected pressed = false;
  @state() protected message = '';
  @state() protected failed = false;

  #pending = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('count')) this.shownCount = this.count;
    if (changed.has('marked')) this.pressed = this.marked;
  }

  protected override render() {
    const { t } = this;
    const count = html`<span class="count" part="count">${t.sameProblemCount(this.shownCount)}</span>`;
    return html`
      <div class="same-problem" part="base">
        ${this.#renderAction()}
        ${count}
      </div>
      ${this.failed ? html`<p class="error" part="error">${t.actionFailed}</p>` : ''}
      <p class="visually-hidden" part="message" role="status">${this.message}</p>
    `;
  }

  #renderAction() {
    const { t } = this;
    const actor = actorOf(this.session);
    if (!isSignedIn(actor)) {
      return html`<button class="button secondary" part="button" type="button" @click=${this.#requestSignIn}>${t.signInSameProblem}</button>`;
    }
    if (!can(actor, threadRules.markSameProblem, { authorId: this.askerId, status: this.status })) return '';
    return html`<button class="button secondary toggle" part="button" type="button" aria-pressed=${this.pressed ? 'true' : 'false'} @click=${this.#toggle}>
      <span aria-hidden="true">${this.pressed ? '✓' : '+'}</span> ${t.sameProblem}
    </button>`;
  }

  #say(message: string): void {
    this.message = message === this.message ? `${message}\u00a0` : message;
  }

  readonly #toggle = async (): Promise<void> => {
    if (this.#pending || !this.threadId) return;
    this.#pending = true;
    this.failed = false;
    const mark = !this.pressed;
    const before = { pressed: this.pressed, count: this.shownCount };
    this.pressed = mark;
    this.shownCount = Math.max(0, before.count + (mark ? 1 : -1));
    try {
      const threads = this.client.threads;
      const result = mark ? await threads.markSameProblem(this.threadId) : await threads.unmarkSameProblem(this.threadId);
      this.pressed = result.marked;
      this.shownCount = result.sameProblemCount;
      this.#say(this.t.sameProblemCount(result.sameProblemCount));
    } catch (error) {
      // A conflict means the server already had it so (another tab): keep the state, not our ±1.
      const conflict = isEntraideError(error) && error.code === 'conflict';
      this.pressed = conflict ? mark : before.pressed;
      this.shownCount = before.count;
      this.failed = !conflict;
      this.#say(conflict ? this.t.sameProblemCount(before.count) : this.t.actionFailed);
    } finally {
      this.#pending = false;
    }
  };

  readonly #requestSignIn = (): void => {
    const unanswered = this.emit(new EntraideSignInRequestedEvent({ reason: 'same-problem' }));
    if (unanswered) this.#say(this.t.signInUnavailable);
  };
}

EntraideSameProblem.define('entraide-same-problem');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-same-problem': EntraideSameProblem;
  }
}
