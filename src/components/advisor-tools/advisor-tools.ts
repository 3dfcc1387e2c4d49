import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ThreadSummary } from '../../sdk/types.ts';
import { can, moderationRules } from '../../core/index.ts';
import type { EntraideThreadModeratedEvent } from '../events/thread-moderated.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import './advisor-audit.ts';
import './advisor-flags.ts';
import './advisor-moderation.ts';
import './advisor-notes.ts';
import { AdvisorPart } from './advisor-part.ts';
import './advisor-private.ts';
import styles from './advisor-tools.styles.ts';

/**
 * @summary The advisor mode of a thread, for staff only (advisors and moderators): moderation,
 * flags, private handoff, staff notes and the thread's moderation log. Renders nothing for
 * anyone else. Load it lazily (`loadAdvisorTools()`): it is never part of the read path.
 *
 * @tag entraide-advisor-tools
 *
 * Every destructive action asks for confirmation in a modal dialog, with a reason where the API
 * takes one; refusals show the server's message; close, archive and hide offer undo.
 *
 * @csspart tools - The whole section.
 * @csspart heading - Its heading.
 * @csspart moderation - `<entraide-advisor-moderation>`: close, reopen, archive, move, merge, hand-off.
 * @csspart flags - `<entraide-advisor-flags>`: the flagged posts of the thread.
 * @csspart private - `<entraide-advisor-private>`: private conversations (advisors only).
 * @csspart notes - `<entraide-advisor-notes>`: staff notes.
 * @csspart audit - `<entraide-advisor-audit>`: the moderation log.
 *
 * @cssprop --entraide-advisor-tools-background - Background of each panel.
 *
 * @fires {EntraideThreadModeratedEvent} entraide-thread-moderated - An action succeeded; `detail.thread` is the new summary when the thread changed.
 */
export class EntraideAdvisorTools extends AdvisorPart {
  static override styles = [tokens, controls, styles];

  /** A post to act on (hide or restore) even when nobody flagged it. */
  @property({ type: Number, attribute: 'post-id' }) postId: number | undefined = undefined;

  /** The thread as the last action left it, until the page gives a newer one. */
  @state() protected current: ThreadSummary | undefined = undefined;
  /** Bumped after every action, so the log shows it. */
  @state() protected revision = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('thread')) this.current = this.thread;
  }

  readonly #onModerated = (event: EntraideThreadModeratedEvent): void => {
    if (event.detail.thread) this.current = event.detail.thread;
    this.revision += 1;
  };

  protected override render() {
    const thread = this.current;
    if (!thread || !can(this.actor, moderationRules.moderate)) return nothing;
    const { s } = this;
    return html`
      <section class="tools" part="tools" aria-labelledby="tools-heading" @entraide-thread-moderated=${this.#onModerated}>
        <h3 id="tools-heading" part="heading">${s.heading}</h3>
        <entraide-advisor-moderation part="moderation" .thread=${thread}></entraide-advisor-moderation>
        <entraide-advisor-flags part="flags" .thread=${thread} .postId=${this.postId}></entraide-advisor-flags>
        <entraide-advisor-private part="private" .thread=${thread}></entraide-advisor-private>
        <entraide-advisor-notes part="notes" .thread=${thread}></entraide-advisor-notes>
        <entraide-advisor-audit part="audit" .thread=${thread} .revision=${this.revision}></entraide-advisor-audit>
      </section>
    `;
  }
}

EntraideAdvisorTools.define('entraide-advisor-tools');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-advisor-tools': EntraideAdvisorTools;
  }
}
