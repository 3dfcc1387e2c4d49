import { consume } from '@lit/context';
import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { canSeeAdvisorQueue } from '../../core/index.ts';
import '../agent-incidents/agent-incidents.ts';
import '../agent-queue/agent-queue.ts';
import { GUEST, actorOf, sessionContext, type SessionState } from '../internal/context.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import styles from './agent-console.styles.ts';
import { consoleStrings, type ConsoleView } from './strings.ts';
import '../internal/staff-client.ts';

const VIEWS: readonly ConsoleView[] = ['queue', 'incidents', 'team'];
/** Another element owns the team view; the console shows it once it is defined. */
const METRICS_TAG = 'entraide-agent-metrics';

/**
 * @summary The advisor's workspace: the supervision queue, alerts & incidents, and the team
 * view, as tabs. Advisors and moderators only. Load it with `loadAgentConsole()`: it is a
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
  static override styles = [tokens, controls, styles];

  /** The current view: `queue`, `incidents` or `team`; reflects the tab the advisor chose. */
  @property({ reflect: true }) accessor view: ConsoleView = 'queue';

  @consume({ context: sessionContext, subscribe: true }) accessor session: SessionState = GUEST;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!customElements.get(METRICS_TAG)) void customElements.whenDefined(METRICS_TAG).then(() => this.requestUpdate());
  }

  get #current(): ConsoleView {
    return VIEWS.includes(this.view) ? this.view : 'queue';
  }

  protected override render() {
    const s = consoleStrings[this.resolvedLocale];
    const heading = html`<slot name="heading"><h2 part="heading">${s.heading}</h2></slot>`;
    if (!canSeeAdvisorQueue(actorOf(this.session))) {
      return html`${heading}<p class="state" part="refused" role="alert">${s.advisorsOnly}</p>`;
    }
    const current = this.#current;
    return html`
      ${heading}
      <div class="tabs" part="tabs" role="tablist" aria-label=${s.tabsLabel} @keydown=${this.#onTabKey}>
        ${VIEWS.map((view) => html`
          <button type="button" role="tab" part="tab" id="tab-${view}" aria-controls="panel-${view}" data-view=${view}
            aria-selected=${view === current ? 'true' : 'false'} tabindex=${view === current ? '0' : '-1'}
            @click=${() => this.#select(view, false)}>${s.views[view]}</button>`)}
      </div>
      <div class="panel" part="panel" role="tabpanel" id="panel-${current}" aria-labelledby="tab-${current}" tabindex="0">
        ${this.#renderView(current, s.teamFallback)}
      </div>
    `;
  }

  #renderView(view: ConsoleView, teamFallback: string) {
    if (view === 'queue') return html`<entraide-agent-queue></entraide-agent-queue>`;
    if (view === 'incidents') return html`<entraide-agent-incidents></entraide-agent-incidents>`;
    // The metrics element is another chunk's: used when the page defined it, never imported here.
    return customElements.get(METRICS_TAG) ? html`<entraide-agent-metrics></entraide-agent-metrics>` : html`<p class="state">${teamFallback}</p>`;
  }

  /** The tabs pattern: arrows move and select (automatic activation), Home and End jump. */
  readonly #onTabKey = (event: KeyboardEvent): void => {
    const index = VIEWS.indexOf(this.#current);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: VIEWS.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    void this.#select(VIEWS[(next + VIEWS.length) % VIEWS.length]!, true);
  };

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
