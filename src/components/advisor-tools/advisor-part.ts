/**
 * What every panel of the advisor tools shares: the thread, the client and session from the
 * forum's context, the staff strings, and one way to word a failure (the server's own message).
 */
import { consume } from '@lit/context';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ThreadSummary } from '../../sdk/types.ts';
import type { Actor } from '../../core/index.ts';
import { isEntraideError, type EntraideClient } from '../../sdk/index.ts';
import { EntraideThreadModeratedEvent, type ModerationChange } from '../events/thread-moderated.ts';
import { GUEST, actorOf, clientContext, defaultClient, sessionContext, type SessionState } from '../internal/context.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import type { EntraideAdvisorConfirm } from './advisor-confirm.ts';
import { STAFF_WORDS, errorSentence } from './staff-words.ts';
import { ADVISOR_TOOLS_STRINGS, type AdvisorToolsStrings } from './strings.ts';
import '../internal/staff-client.ts';

/** A message for the live region: `tone` picks role="status" or role="alert"; `detail` is the server's own words (staff only). */
export interface Feedback {
  tone: 'done' | 'error';
  text: string;
  detail?: string;
}

export class AdvisorPart extends EntraideElement {
  /** The thread the tools work on. */
  @property({ attribute: false }) thread: ThreadSummary | undefined = undefined;

  /** The API client: the forum's, by context; alone, one on the same origin's `/api`. */
  @consume({ context: clientContext, subscribe: true }) client: EntraideClient = defaultClient();
  /** Who is signed in: the forum's session, by context; alone, a guest. */
  @consume({ context: sessionContext, subscribe: true }) session: SessionState = GUEST;

  /** The last outcome, shown in the panel's live region. */
  @state() protected feedback: Feedback | undefined = undefined;
  /** True while a request is under way: buttons say so rather than being disabled (focus stays). */
  @state() protected busy = false;

  protected get s(): AdvisorToolsStrings {
    return ADVISOR_TOOLS_STRINGS[this.resolvedLocale];
  }

  protected get actor(): Actor {
    return actorOf(this.session);
  }

  /** A sentence in the staff's language for the refusal's code; a plain one when the server could not be reached. */
  protected failureText(error: unknown): string {
    if (isEntraideError(error) && error.status !== 0) return errorSentence(this.resolvedLocale, error.code, error.details);
    return this.s.networkFailed;
  }

  /** The server's own message, shown under the sentence: staff may need it to report the problem. */
  protected failureDetail(error: unknown): string | undefined {
    return isEntraideError(error) && error.status !== 0 ? STAFF_WORDS[this.resolvedLocale].serverDetail(error.message) : undefined;
  }

  /** The feedback of a failed call. */
  protected failure(error: unknown): Feedback {
    const detail = this.failureDetail(error);
    return { tone: 'error', text: this.failureText(error), ...(detail ? { detail } : {}) };
  }

  protected get confirmDialog(): EntraideAdvisorConfirm {
    return this.renderRoot.querySelector('entraide-advisor-confirm')!;
  }

  /** Runs one API call: busy while it runs, the failure shown when it fails; undefined then. */
  protected async act<T>(call: () => Promise<T>): Promise<T | undefined> {
    if (this.busy) return undefined;
    this.busy = true;
    this.feedback = undefined;
    try {
      return await call();
    } catch (error) {
      this.feedback = this.failure(error);
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  /**
   * After an action the control that had focus may be gone (Close once closed, Hide once the
   * post left the queue): focus then goes to `selector` (the undo button, the new form…)
   * rather than falling back to the page's top.
   */
  protected async keepFocus(selector: string): Promise<void> {
    await this.updateComplete;
    if (this.shadowRoot?.activeElement) return;
    const active = document.activeElement;
    if (active && active !== document.body && !this.contains(active)) return;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  protected changed(change: ModerationChange, thread?: ThreadSummary): void {
    this.emit(new EntraideThreadModeratedEvent(thread ? { change, thread } : { change }));
  }

  /**
   * The panel's outcome: successes in a status region that is always there (so it is spoken),
   * failures as an alert; `extra` (an undo button) follows outside the live region.
   */
  protected renderFeedback(extra: TemplateResult | typeof nothing = nothing): TemplateResult {
    const { feedback } = this;
    return html`
      <div class="feedback" part="feedback">
        <p class="done" role="status">${feedback?.tone === 'done' ? feedback.text : ''}</p>
        ${feedback?.tone === 'error'
          ? html`<p class="error" role="alert">${feedback.text}${feedback.detail ? html`<span class="detail">${feedback.detail}</span>` : nothing}</p>`
          : nothing}
        ${extra}
      </div>
    `;
  }
}
