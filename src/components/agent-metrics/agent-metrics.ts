import { consume } from '@lit/context';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { Category, Metrics } from '../../sdk/types.ts';
import type { EntraideClient } from '../../sdk/index.ts';
import { clientContext, defaultClient } from '../internal/context.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import { renderError } from '../internal/states.ts';
import styles from './agent-metrics.styles.ts';
import { barChart } from './chart.ts';
import { formatCount, formatDuration, formatPercent, periodOf, ratio, split } from './figures.ts';
import { agentMetricsStrings, type AgentMetricsStrings } from './strings.ts';
import { renderTables } from './tables.ts';
import '../internal/staff-client.ts';

export const PERIODS = [7, 30, 90] as const;
type Period = (typeof PERIODS)[number];

type Load = { status: 'loading' } | { status: 'ready'; metrics: Metrics } | { status: 'error'; error: unknown };

/**
 * @summary The team's view of who answers (study §17–§23, §46): the share of first answers and
 * of accepted solutions given by the community and by advisors, the median time to a first
 * answer for each, the solved rate, per category and per advisor with "assisted by" credit,
 * over the last 7, 30 or 90 days. Every chart is an accessible SVG image whose label says its
 * numbers, and the same numbers are in data tables that a toggle shows on screen.
 *
 * @tag entraide-agent-metrics
 *
 * @csspart controls - The period and category pickers.
 * @csspart summary - The key figures.
 * @csspart chart - Each chart.
 * @csspart tables - The data tables (visually hidden until shown).
 * @csspart table-toggle - The "show as tables" button.
 * @csspart loading - The loading message.
 * @csspart error - The error message and retry button.
 *
 * @cssprop [--entraide-color-accent] - Community bars.
 * @cssprop [--entraide-color-advisor] - Advisor bars.
 */
export class EntraideAgentMetrics extends EntraideElement {
  static override styles = [tokens, controls, styles];

  /** The API client: the forum's, by context; alone, one on the same origin's `/api`. */
  @consume({ context: clientContext, subscribe: true }) client: EntraideClient = defaultClient();

  @state() protected period: Period = 30;
  @state() protected categoryId: number | undefined;
  @state() protected categories: Category[] = [];
  @state() protected load: Load = { status: 'loading' };
  @state() protected tablesShown = false;

  #abort: AbortController | undefined;

  get #s(): AgentMetricsStrings {
    return agentMetricsStrings[this.resolvedLocale];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#fetch();
    this.client.categories.list({ locale: this.resolvedLocale }).then(
      (categories) => (this.categories = categories),
      () => (this.categories = []), // the picker offers "all categories" only
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  /** Fetches the chosen period and category; an older request still running is dropped. */
  async #fetch(): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.load = { status: 'loading' };
    try {
      const query = { ...periodOf(this.period, Date.now()), ...(this.categoryId ? { categoryId: this.categoryId } : {}) };
      const metrics = await this.client.metrics.get(query, { signal: abort.signal });
      if (!abort.signal.aborted) this.load = { status: 'ready', metrics };
    } catch (error) {
      if (!abort.signal.aborted) this.load = { status: 'error', error };
    }
  }

  protected override render() {
    const s = this.#s;
    return html`
      <section aria-labelledby="heading" aria-busy=${this.load.status === 'loading' ? 'true' : 'false'}>
        <h2 id="heading">${s.heading}</h2>
        ${this.#renderControls(s)}
        ${this.#renderBody(s)}
      </section>
    `;
  }

  #renderControls(s: AgentMetricsStrings) {
    return html`
      <div class="controls" part="controls">
        <label for="period">${s.periodLabel}</label>
        <select id="period" @change=${this.#onPeriod}>
          ${PERIODS.map((days) => html`<option value=${days} ?selected=${days === this.period}>${s.lastDays(days)}</option>`)}
        </select>
        <label for="category">${s.categoryLabel}</label>
        <select id="category" @change=${this.#onCategory}>
          <option value="" ?selected=${this.categoryId === undefined}>${s.allCategories}</option>
          ${this.categories.map((category) => html`<option value=${category.id} ?selected=${category.id === this.categoryId}>${category.name}</option>`)}
        </select>
        <button class="button secondary" part="table-toggle" type="button" aria-pressed=${this.tablesShown ? 'true' : 'false'}
          aria-controls=${this.load.status === 'ready' ? 'tables' : nothing}
          @click=${() => (this.tablesShown = !this.tablesShown)}>${this.tablesShown ? s.hideTables : s.showTables}</button>
      </div>
    `;
  }

  readonly #onPeriod = (event: Event): void => {
    this.period = Number((event.target as HTMLSelectElement).value) as Period;
    void this.#fetch();
  };

  readonly #onCategory = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    this.categoryId = value ? Number(value) : undefined;
    void this.#fetch();
  };

  #renderBody(s: AgentMetricsStrings) {
    if (this.load.status === 'loading') return html`<p class="state" part="loading" role="status">${s.loading}</p>`;
    if (this.load.status === 'error') return renderError(this.t, this.load.error, () => void this.#fetch());
    const { metrics } = this.load;
    if (metrics.threads === 0) return html`<p class="state" part="empty" role="status">${s.empty}</p>`;
    return html`
      ${this.#renderSummary(s, metrics)}
      <div class="charts">${this.#renderCharts(s, metrics)}</div>
      <div id="tables" part="tables" role="region" aria-label=${s.tablesLabel} class=${this.tablesShown ? 'tables' : 'tables visually-hidden'}
        tabindex=${this.tablesShown ? '0' : '-1'}>
        ${renderTables(s, this.resolvedLocale, metrics, this.#categoryName)}
      </div>
    `;
  }

  readonly #categoryName = (categoryId: number): string => this.categories.find((category) => category.id === categoryId)?.name ?? `#${categoryId}`;

  #renderSummary(s: AgentMetricsStrings, metrics: Metrics) {
    const locale = this.resolvedLocale;
    const figures: Array<[string, string]> = [
      [s.threads, formatCount(locale, metrics.threads)],
      [s.solvedRate, formatPercent(locale, metrics.solvedRate, s.noData)],
      [s.communityShareOfFirst, formatPercent(locale, split(metrics.firstAnswers).community, s.noData)],
      [s.communityShareOfSolutions, formatPercent(locale, split(metrics.acceptedAnswers).community, s.noData)],
    ];
    return html`
      <dl class="summary" part="summary">
        ${figures.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}
      </dl>
    `;
  }

  #renderCharts(s: AgentMetricsStrings, metrics: Metrics) {
    const locale = this.resolvedLocale;
    const percent = (value: number | null) => formatPercent(locale, value, s.noData);
    const shareChart = (id: string, title: string, figures: Metrics['firstAnswers']) => {
      const { community, advisors } = split(figures);
      return barChart(id, title, s.shareSummary(title, percent(community), percent(advisors)), [
        { label: s.community, value: community, text: percent(community) },
        { label: s.advisors, value: advisors, text: percent(advisors), tone: 'advisor' },
      ]);
    };
    const medians = metrics.medianFirstAnswerMs;
    const duration = (ms: number | null) => formatDuration(locale, ms, s.noData);
    const categoryShares = metrics.categories.map((row) => ({ name: this.#categoryName(row.categoryId), share: ratio(row.firstAnswersByMembers, row.firstAnswersByMembers + row.firstAnswersByAdvisors) }));
    const busiest = Math.max(1, ...metrics.advisors.map((row) => row.posts));
    return html`
      ${shareChart('first', s.firstAnswersTitle, metrics.firstAnswers)}
      ${shareChart('solutions', s.solutionsTitle, metrics.acceptedAnswers)}
      ${barChart('median', s.medianTitle, s.medianSummary(duration(medians.members), duration(medians.advisors)), [
        { label: s.community, value: medians.members, text: duration(medians.members) },
        { label: s.advisors, value: medians.advisors, text: duration(medians.advisors), tone: 'advisor' },
      ], Math.max(1, medians.members ?? 0, medians.advisors ?? 0))}
      ${categoryShares.length ? barChart('categories', s.categoriesTitle, s.categoriesSummary(categoryShares.map((row) => s.categoryRow(row.name, percent(row.share)))),
        categoryShares.map((row) => ({ label: row.name, value: row.share, text: percent(row.share) }))) : nothing}
      ${metrics.advisors.length ? barChart('advisors', s.advisorsTitle,
        s.advisorsSummary(metrics.advisors.map((row) => s.advisorRow(row.advisor.pseudonym, formatCount(locale, row.posts), formatCount(locale, row.assisted)))),
        metrics.advisors.map((row) => ({ label: row.advisor.pseudonym, value: row.posts, text: formatCount(locale, row.posts), tone: 'advisor' as const })), busiest) : nothing}
    `;
  }
}

EntraideAgentMetrics.define('entraide-agent-metrics');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-agent-metrics': EntraideAgentMetrics;
  }
}
