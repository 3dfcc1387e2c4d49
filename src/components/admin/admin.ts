import { consume } from '@lit/context';
import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { adminRules, can } from '../../core/index.ts';
import { GUEST, actorOf, sessionContext, type SessionState } from '../internal/context.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import { renderTabs, tabStyles } from '../internal/tabs.ts';
import { adminStrings, type AdminView } from './strings.ts';
import '../internal/staff-client.ts';

const VIEWS: readonly AdminView[] = ['community', 'categories', 'ranks', 'team', 'trusted', 'webhooks'];

const VIEW_CHUNKS: Record<AdminView, () => Promise<unknown>> = {
  community: () => import('../admin-community/admin-community.ts'),
  categories: () => import('../admin-categories/admin-categories.ts'),
  ranks: () => import('../admin-ranks/admin-ranks.ts'),
  team: () => import('../admin-team/admin-team.ts'),
  trusted: () => import('../admin-trusted/admin-trusted.ts'),
  webhooks: () => import('../admin-webhooks/admin-webhooks.ts'),
};

/**
 * @summary The community's administration, for its admins (role `admin`): the community's
 * name, languages, advisor signature, jargon list and collective-problem thresholds; the
 * categories (create, name and describe in each language, holdback, account rule, order,
 * archive); the rank ladder with a preview of each level's members; the team's teams and
 * categories of expertise; trusted members; webhooks. Every change is audited. Load it with
 * `loadAdmin()`: a chunk of its own, never on the forum's read path.
 *
 * @tag entraide-admin
 *
 * @slot heading - Replaces the default heading.
 * @csspart heading - The heading.
 * @csspart tabs - The tab list.
 * @csspart tab - One tab (`aria-selected` tells the current one).
 * @csspart panel - The current view's panel.
 * @csspart refused - The message shown to anyone but an admin.
 * @cssprop --entraide-color-accent - The current tab's underline.
 */
export class EntraideAdmin extends EntraideElement {
  static override styles = [tokens, controls, tabStyles, css`
    :host { display: block; }
    h2 { margin: 0 0 var(--_space); }
  `];

  /** The current view: `community`, `categories`, `ranks`, `team`, `trusted` or `webhooks`; reflects the tab chosen. */
  @property({ reflect: true }) view: AdminView = 'community';

  /** Who is signed in: the forum's session, by context; alone, a guest. */
  @consume({ context: sessionContext, subscribe: true }) session: SessionState = GUEST;

  get #current(): AdminView {
    return VIEWS.includes(this.view) ? this.view : 'community';
  }

  protected override render() {
    const s = adminStrings[this.resolvedLocale];
    const heading = html`<slot name="heading"><h2 part="heading">${s.heading}</h2></slot>`;
    if (!can(actorOf(this.session), adminRules.administer)) return html`${heading}<p class="state" part="refused" role="alert">${s.adminsOnly}</p>`;
    const current = this.#current;
    return html`${heading}${renderTabs({ views: VIEWS, current, label: s.tabsLabel, names: s.views, panel: this.#renderView(current), select: (view, focus) => void this.#select(view, focus) })}`;
  }

  #renderView(view: AdminView) {
    // Each view is its own chunk: the administration loads only the tabs an admin opens.
    void VIEW_CHUNKS[view]();
    switch (view) {
      case 'community': return html`<entraide-admin-community></entraide-admin-community>`;
      case 'categories': return html`<entraide-admin-categories></entraide-admin-categories>`;
      case 'ranks': return html`<entraide-admin-ranks></entraide-admin-ranks>`;
      case 'team': return html`<entraide-admin-team></entraide-admin-team>`;
      case 'trusted': return html`<entraide-admin-trusted></entraide-admin-trusted>`;
      case 'webhooks': return html`<entraide-admin-webhooks></entraide-admin-webhooks>`;
    }
  }

  async #select(view: AdminView, focus: boolean): Promise<void> {
    this.view = view;
    if (!focus) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#tab-${view}`)?.focus();
  }
}

EntraideAdmin.define('entraide-admin');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-admin': EntraideAdmin;
  }
}
