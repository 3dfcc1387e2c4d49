import { consume } from '@lit/context';
import { html, nothing } from 'lit';
import { adminRules, can, isStaff } from '../../core/index.ts';
import type { EntraideClient } from '../../sdk/index.ts';
import { EntraideLocaleChosenEvent } from '../events/locale-chosen.ts';
import { actorOf, clientContext, defaultClient, GUEST, hashLinks, linksContext, sessionContext, type SessionState } from '../internal/context.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import { loadNotifications } from '../internal/lazy.ts';
import { saveMemberLocale, savedLocaleToApply } from '../internal/member-locale.ts';
import type { Links, Route } from '../internal/router.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import styles from './account-links.styles.ts';
import { InboxUnreadController } from './inbox-unread.ts';
import { accountLinksStrings } from './strings.ts';

/**
 * @summary The signed-in member's links in the forum header: private messages, the bell,
 * preferences, and for staff the advisors' workspace and the administration. A lazy chunk: a
 * guest's page never loads it. Renders nothing for guests. It keeps the member's language in
 * their preferences: a choice in the forum's `<entraide-language-switcher>` is saved there, and
 * at sign-in, when this browser has no choice of its own, the saved one applies.
 *
 * @tag entraide-account-links
 *
 * @csspart inbox-link - The link to the member's private messages (`#/inbox`).
 * @csspart inbox-count - On that link: how many conversations have unread messages (live).
 * @csspart notifications - `<entraide-notifications>`, the bell.
 * @csspart preferences-link - The link to the member's preferences.
 * @csspart agent-link - Staff only: the link to the advisors' workspace.
 * @csspart admin-link - Admins only: the link to the community's administration.
 *
 * @fires {EntraideLocaleChosenEvent} entraide-locale-chosen - The member's saved language applies on this page.
 */
export class EntraideAccountLinks extends EntraideElement {
  static override styles = [tokens, controls, styles];

  /** Who is signed in: the forum's session, by context; alone, a guest. */
  @consume({ context: sessionContext, subscribe: true }) session: SessionState = GUEST;

  /** The API client (the count of unread conversations, the member's saved language): the forum's, or one on `/api` when used alone. */
  @consume({ context: clientContext, subscribe: true }) client: EntraideClient = defaultClient();

  readonly #unread = new InboxUnreadController(this);

  /** How links are written: the forum's routing, or hash routes when used alone. */
  @consume({ context: linksContext, subscribe: true }) links: Links = hashLinks;

  /** The member whose saved language was looked up (once per sign-in). */
  #localeCheckedFor: number | undefined;

  /** Where the switcher's choices pass: the forum's shadow root (or the document, used alone). */
  #listeningOn: Node | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#listeningOn = this.getRootNode();
    this.#listeningOn.addEventListener('entraide-locale-chosen', this.#onLocaleChosen);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#listeningOn?.removeEventListener('entraide-locale-chosen', this.#onLocaleChosen);
    this.#listeningOn = undefined;
  }

  /** The reader chose in the switcher: a member's choice goes to their preferences too (the other sources saved theirs). */
  readonly #onLocaleChosen = (event: Event): void => {
    const source = event.composedPath()[0];
    if (!this.session.member || !(source instanceof Element) || source.localName !== 'entraide-language-switcher') return;
    void saveMemberLocale(this.client, (event as EntraideLocaleChosenEvent).detail.locale);
  };

  protected override updated(): void {
    const member = this.session.member;
    if (!member || this.#localeCheckedFor === member.id) return;
    this.#localeCheckedFor = member.id;
    void savedLocaleToApply(this.client, this.resolvedLocale).then((locale) => {
      if (locale && this.session.member?.id === member.id) this.emit(new EntraideLocaleChosenEvent({ locale }));
    });
  }

  protected override willUpdate(): void {
    const member = this.session.member;
    this.#unread.follow(member ? `${member.id}:${this.session.token ?? ''}` : undefined);
  }

  protected override render() {
    const member = this.session.member;
    if (!member) return nothing;
    void loadNotifications();
    const s = accountLinksStrings[this.resolvedLocale];
    const href = (route: Route) => this.links.href(route);
    return html`
      <nav aria-label=${s.label}>
        <a part="inbox-link" href=${href({ name: 'inbox' })}>${s.inbox}${this.#unread.count
          ? html`<span class="count" part="inbox-count" aria-hidden="true">${this.#unread.count}</span><span class="visually-hidden">${s.inboxUnread(this.#unread.count)}</span>`
          : nothing}</a>
        <entraide-notifications part="notifications"></entraide-notifications>
        <a part="preferences-link" href=${href({ name: 'preferences' })}>${s.preferences}</a>
        ${isStaff(member.role) ? html`<a part="agent-link" href=${href({ name: 'agent' })}>${s.agent}</a>` : nothing}
        ${can(actorOf(this.session), adminRules.administer) ? html`<a part="admin-link" href=${href({ name: 'admin' })}>${s.admin}</a>` : nothing}
      </nav>
    `;
  }
}

EntraideAccountLinks.define('entraide-account-links');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-account-links': EntraideAccountLinks;
  }
}
