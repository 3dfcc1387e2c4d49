import { consume } from '@lit/context';
import { html, nothing } from 'lit';
import { adminRules, can, isStaff } from '../../core/index.ts';
import type { EntraideClient } from '../../sdk/index.ts';
import { actorOf, clientContext, defaultClient, GUEST, hashLinks, linksContext, sessionContext, type SessionState } from '../internal/context.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import { loadNotifications } from '../internal/lazy.ts';
import type { Links, Route } from '../internal/router.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import styles from './account-links.styles.ts';
import { InboxUnreadController } from './inbox-unread.ts';
import { accountLinksStrings } from './strings.ts';

/**
 * @summary The signed-in member's links in the forum header: private messages, the bell,
 * preferences, and for staff the advisors' workspace and the administration. A lazy chunk: a
 * guest's page never loads it. Renders nothing for guests.
 *
 * @tag entraide-account-links
 *
 * @csspart inbox-link - The link to the member's private messages (`#/inbox`).
 * @csspart inbox-count - On that link: how many conversations have unread messages (live).
 * @csspart notifications - `<entraide-notifications>`, the bell.
 * @csspart preferences-link - The link to the member's preferences.
 * @csspart agent-link - Staff only: the link to the advisors' workspace.
 * @csspart admin-link - Admins only: the link to the community's administration.
 */
export class EntraideAccountLinks extends EntraideElement {
  static override styles = [tokens, controls, styles];

  @consume({ context: sessionContext, subscribe: true }) session: SessionState = GUEST;

  /** Where the count of unread conversations is read. */
  @consume({ context: clientContext, subscribe: true }) client: EntraideClient = defaultClient();

  readonly #unread = new InboxUnreadController(this);

  /** How links are written: the forum's routing, or hash routes when used alone. */
  @consume({ context: linksContext, subscribe: true }) links: Links = hashLinks;

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
