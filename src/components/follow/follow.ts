import { consume } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { FollowLevel } from '../../core/index.ts';
import type { EntraideClient } from '../../sdk/index.ts';
import type { FollowState } from '../../sdk/types.ts';
import { GUEST, clientContext, defaultClient, sessionContext, type SessionState } from '../internal/context.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
// Following is a write: the writing half of the client comes with this chunk.
import '../internal/staff-client.ts';
import { SeenPosts } from './seen-posts.ts';
import styles from './follow.styles.ts';
import { followStrings, type FollowStrings } from './strings.ts';

/** Read positions are sent at most this often while a thread grows under the reader's eyes. */
const READ_DELAY_MS = 800;

/**
 * @summary Follow or mute a thread or a category (issue 15): two toggle buttons, "Follow"
 * (replies, or new questions of a category, notify me) and "Mute" (nothing from it notifies
 * me). On a thread it also records how far the member read, so the thread list's "3 new" and
 * the next visit's first unread post follow: the last post the member has actually seen (half
 * of it, or half the screen, in view while the page shows) among the posts of the thread around
 * it (`li[id^="post-"]` in the same root, as `<entraide-thread>` renders them), or `read-up-to`
 * when a host tracks reading itself; never backwards, written at most every 800 ms and once more
 * when it leaves. That watching rides in this lazy chunk so the read path stays small. Renders
 * nothing for guests.
 *
 * @tag entraide-follow
 *
 * @csspart group - The two buttons.
 * @csspart follow - The "Follow" toggle (`aria-pressed`).
 * @csspart mute - The "Mute" toggle (`aria-pressed`).
 * @csspart error - The message when a change could not be saved.
 */
export class EntraideFollow extends EntraideElement {
  static override styles = [tokens, controls, styles];

  /** What is followed. */
  @property() target: 'thread' | 'category' = 'thread';
  /** The thread's or category's id. */
  @property({ type: Number, attribute: 'target-id' }) targetId = 0;
  /** The member's follow as a read gave it (the thread's `reading.follow`); read from the server when absent. */
  @property({ attribute: false }) state: FollowState | undefined = undefined;
  /** Threads only: a post the host knows the member has read; the read position moves up to it (never back). Seen posts count too. */
  @property({ type: Number, attribute: 'read-up-to' }) readUpTo = 0;

  /** The API client: the forum's, by context; alone, one on the same origin's `/api`. */
  @consume({ context: clientContext, subscribe: true }) client: EntraideClient = defaultClient();
  /** Who is signed in: the forum's session, by context; alone, a guest. */
  @consume({ context: sessionContext, subscribe: true }) session: SessionState = GUEST;

  @state() protected level: FollowLevel | null = null;
  @state() protected failed = false;

  #loadedFor: string | undefined;
  readonly #seen = new SeenPosts((postId) => this.#read(postId));
  /** The furthest post read so far, and the furthest the server was told of. */
  #readUpTo = 0;
  #readSent = 0;
  #readTimer: ReturnType<typeof setTimeout> | undefined;

  get #s(): FollowStrings {
    return followStrings[this.resolvedLocale];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The watch starts at the first update, once the session and target are known.
    this.#loadedFor = undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#seen.stop();
    // Leaving the thread: what was read is written now, not lost with the timer.
    if (this.#readTimer !== undefined) this.#sendRead();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('state') && this.state) this.level = this.state.level;
    const member = this.session.member;
    const key = member && this.targetId ? `${member.id}:${this.target}:${this.targetId}` : undefined;
    if (key !== this.#loadedFor) {
      this.#loadedFor = key;
      this.#readUpTo = this.#readSent = 0;
      clearTimeout(this.#readTimer);
      this.#readTimer = undefined;
      if (key && !this.state) void this.#load();
      if (key && this.target === 'thread') this.#seen.watch(this.getRootNode());
      else this.#seen.stop();
    }
    if (key && this.target === 'thread') this.#read(this.readUpTo);
  }

  async #load(): Promise<void> {
    const key = this.#loadedFor;
    try {
      const following = this.client.following;
      const state = this.target === 'thread' ? (await following.reading(this.targetId)).follow : await following.categoryState(this.targetId);
      if (key === this.#loadedFor) this.level = state.level;
    } catch {
      // The buttons still work: the state shows as "neither" until the member chooses.
    }
  }

  /** The member has read up to `postId`: written after a short while, never backwards. */
  #read(postId: number): void {
    if (postId <= this.#readUpTo) return;
    this.#readUpTo = postId;
    this.#readTimer ??= setTimeout(() => this.#sendRead(), READ_DELAY_MS);
  }

  #sendRead(): void {
    clearTimeout(this.#readTimer);
    this.#readTimer = undefined;
    const postId = this.#readUpTo;
    if (postId <= this.#readSent || this.target !== 'thread' || !this.targetId) return;
    this.#readSent = postId;
    // A lost read position only shows a post as new once more: no message for it.
    void this.client.following.markRead(this.targetId, postId).catch(() => (this.#readSent = 0));
  }

  protected override render() {
    if (!this.session.member || !this.targetId) return nothing;
    const s = this.#s;
    return html`
      <div class="group" part="group" role="group" aria-label=${s.label(this.target)}>
        <button class="button secondary" part="follow" type="button" aria-pressed=${this.level === 'following' ? 'true' : 'false'}
          aria-describedby="follow-hint" @click=${() => void this.#choose('following')}>${s.follow}</button>
        <button class="button secondary" part="mute" type="button" aria-pressed=${this.level === 'muted' ? 'true' : 'false'}
          aria-describedby="mute-hint" @click=${() => void this.#choose('muted')}>${s.mute}</button>
        <span class="visually-hidden" id="follow-hint">${s.followHint(this.target)}</span>
        <span class="visually-hidden" id="mute-hint">${s.muteHint(this.target)}</span>
      </div>
      ${this.failed ? html`<p class="error" part="error" role="alert">${s.failed}</p>` : nothing}
    `;
  }

  /** Pressing the pressed button clears the choice; the other one switches. Optimistic, rolled back on failure. */
  async #choose(level: FollowLevel): Promise<void> {
    const before = this.level;
    const next = before === level ? null : level;
    this.level = next;
    this.failed = false;
    try {
      const answer = this.target === 'thread' ? await this.client.following.thread(this.targetId, next) : await this.client.following.category(this.targetId, next);
      this.level = answer.level;
    } catch {
      this.level = before;
      this.failed = true;
    }
  }
}

EntraideFollow.define('entraide-follow');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-follow': EntraideFollow;
  }
}
