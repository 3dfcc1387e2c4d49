import { consume } from '@lit/context';
import { html, nothing } from 'lit';
import { adminRules, can, isStaff } from '../../core/index.ts';
import { actorOf, GUEST, hashLinks, linksContext, sessionContext, type SessionState } from '../internal/context.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import { loadNotifications } from '../internal/lazy.ts';
import type { Links, Route } from '../internal/router.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import styles from './account-links.styles.ts';
import { accountLinksStrings } from './strings.ts';

/**
 * @summary The signed-in member's links in the forum header: private messages, the bell,
 * preferences, and for staff the advisors' workspace and the administration. A lazy chunk: a
 * guest's page never loads it. Renders nothing for guests.
 *
 * @tag entraide-account-links
 *
 * @csspart inbox-link - The link to the member's private messages (`#/inbox`).
 * @csspart notifications - `<entraide-notifications>`, the bell.
 * @csspart preferences-link - The link to the member's preferences.
 * @csspart agent-link - Staff only: the link to the advisors' workspace.
 * @csspart admin-link - Admins only: the link to the community's administration.
 */
export class EntraideAccountLinks extends EntraideElement {
  static override styles = [tokens, controls, styles];

  @consume({ context: sessionContext, subscribe: true }) session: SessionState = GUEST;

  /** How links are written: the forum's routing, or hash routes when used alone. */
  @consume({ context: linksContext, subscribe: true }) links: Links = hashLinks;

  protected override render() {
    const member = this.session.member;
    if (!member) return nothing;
    void loadNotifications();
    const s = accountLinksStrings[this.resolvedLocale];
    const href = (route: Route) => this.links.href(route);
    return html`
      <nav aria-label=${s.label}>
        <a part="inbox-link" href=${href({ name: 'inbox' })}>${s.inbox}</a>
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
