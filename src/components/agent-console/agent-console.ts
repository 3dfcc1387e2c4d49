import { consume } from '@lit/context';
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { can, reviewRules, staffRules } from '../../core/index.ts';
import '../agent-incidents/agent-incidents.ts';
import '../agent-quality/agent-quality.ts';
import '../agent-queue/agent-queue.ts';
import '../agent-reviews/agent-reviews.ts';
import '../agent-team/agent-team.ts';
import { GUEST, actorOf, sessionContext, type SessionState } from '../internal/context.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import { renderTabs, tabStyles } from '../internal/tabs.ts';
import styles from './agent-console.styles.ts';
import { consoleStrings, type ConsoleView } from './strings.ts';
import '../internal/staff-client.ts';

const VIEWS: readonly ConsoleView[] = ['queue', 'reviews', 'incidents', 'team', 'quality'];
/** The metrics are another chunk's; the team view shows them below the team once the page defines them. */
const METRICS_TAG = 'entraide-agent-metrics';

/**
 * @summary The advisor's workspace: the supervision queue, for advisors the drafts colleagues
 * shared for review, alerts & incidents, the team view (who is on duty, my weekly plan, metrics)
 * and, for managers, the quality review, as tabs.
 * Advisors and moderators only. Load it with `loadAgentConsole()`: it is a
 * chunk of its own, never part of the forum's read path.
 *
 * @tag entraide-agent-console
 *
 * @slot heading - Replaces the default heading.
 * @csspart heading - The heading.
 * @csspart tabs - The tab list.
 * @csspart tab - One tab (`aria-selected` tells the current one).
 * @csspart panel - The current view's panel.
 * @csspart refused - The message shown to members and guests.
 * @cssprop --entraide-color-accent - The current tab's underline.
 */
export class EntraideAgentConsole extends EntraideElement {
  static override styles = [tokens, controls, tabStyles, styles];

  /** The current view: `queue`, `reviews` (advisors), `incidents`, `team` or `quality` (moderators); reflects the tab chosen. */
  @property({ reflect: true }) view: ConsoleView = 'queue';

  /** Who is signed in: the forum's session, by context; alone, a guest. */
  @consume({ context: sessionContext, subscribe: true }) session: SessionState = GUEST;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!customElements.get(METRICS_TAG)) void customElements.whenDefined(METRICS_TAG).then(() => this.requestUpdate());
  }

  /** The tabs this person may open. */
  get #views(): readonly ConsoleView[] {
    const actor = actorOf(this.session);
    // Colleague review is the advisors' (drafts are theirs alone), the quality review the managers'.
    return VIEWS.filter((view) => (view !== 'quality' || can(actor, reviewRules.reviewQuality)) && (view !== 'reviews' || can(actor, reviewRules.writeDrafts)));
  }

  get #current(): ConsoleView {
    return this.#views.includes(this.view) ? this.view : 'queue';
  }

  protected override render() {
    const s = consoleStrings[this.resolvedLocale];
    const heading = html`<slot name="heading"><h2 part="heading">${s.heading}</h2></slot>`;
    if (!can(actorOf(this.session), staffRules.seeAdvisorQueue)) {
      return html`${heading}<p class="state" part="refused" role="alert">${s.advisorsOnly}</p>`;
    }
    const current = this.#current;
    return html`${heading}${renderTabs({
      views: this.#views, current, label: s.tabsLabel, names: s.views, panel: this.#renderView(current), select: (view, focus) => void this.#select(view, focus),
    })}`;
  }

  #renderView(view: ConsoleView) {
    if (view === 'queue') return html`<entraide-agent-queue></entraide-agent-queue>`;
    if (view === 'incidents') return html`<entraide-agent-incidents></entraide-agent-incidents>`;
    if (view === 'quality') return html`<entraide-agent-quality></entraide-agent-quality>`;
    if (view === 'reviews') return html`<entraide-agent-reviews></entraide-agent-reviews>`;
    // The metrics element is another chunk's: used when the page defined it, never imported here.
    return html`<entraide-agent-team></entraide-agent-team>${customElements.get(METRICS_TAG) ? html`<entraide-agent-metrics></entraide-agent-metrics>` : nothing}`;
  }

  async #select(view: ConsoleView, focus: boolean): Promise<void> {
    this.view = view;
    if (!focus) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#tab-${view}`)?.focus();
  }
}

EntraideAgentConsole.define('entraide-agent-console');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-agent-console': EntraideAgentConsole;
  }
}
