/** <entraide-agent-metrics>: who answers, how fast, per category and advisor, as charts and tables. */
import { expect, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { EntraideAgentMetrics } from '../../src/components/agent-metrics/agent-metrics.ts';
import '../../src/components/agent-metrics/agent-metrics.ts';
import type { Metrics } from '../../src/contract/areas/advisor.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, textOf, worker, watchMarkupParsing } from './helpers.ts';

declare global {
  interface Window {
    metricsXss?: number;
  }
}

const DAY = 86_400_000;
const $ = <E extends Element = HTMLElement>(el: EntraideAgentMetrics, selector: string) => el.shadowRoot!.querySelector<E>(selector)!;
const $$ = (el: EntraideAgentMetrics, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const percent = (locale: string, value: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
const summaryValues = (el: EntraideAgentMetrics) => $$(el, '[part="summary"] dd').map((dd) => dd.textContent);
const chartLabel = (el: EntraideAgentMetrics, id: string) => $(el, `#${id}-caption + svg`).getAttribute('aria-label');

/** Nine first answers of ten from members, three solutions of four; one category, the demo's two advisors (ids are the stub's own). */
function fixedMetrics(overrides: Partial<Metrics> = {}): Metrics {
  return {
    from: '2026-10-26T00:00:00.000Z', to: '2026-11-25T00:00:00.000Z', threads: 12, solved: 6, solvedRate: 0.5,
    firstAnswers: { total: 10, byMembers: 9, byAdvisors: 1, memberShare: 0.9 },
    acceptedAnswers: { total: 4, byMembers: 3, byAdvisors: 1, memberShare: 0.75 },
    medianFirstAnswerMs: { members: 12 * 60_000, advisors: 3.5 * 3_600_000 },
    categories: [{ categoryId: 3, threads: 12, solved: 6, firstAnswersByMembers: 9, firstAnswersByAdvisors: 1 }],
    advisors: [{ advisor: { id: 4, pseudonym: DEMO_PEOPLE.technicalAdvisor }, posts: 8, accepted: 1, assisted: 2 }, { advisor: { id: 6, pseudonym: DEMO_PEOPLE.commercialAdvisor }, posts: 2, accepted: 0, assisted: 0 }],
    circles: { core: 2, occasional: 5, 'one-time-asker': 9 },
    ...overrides,
  };
}

/** Answers `GET /metrics` with `metrics`, recording every query. */
function serveMetrics(metrics: Metrics | (() => Response)): URLSearchParams[] {
  const queries: URLSearchParams[] = [];
  worker.use(http.get('/api/metrics', ({ request }) => {
    queries.push(new URL(request.url).searchParams);
    return typeof metrics === 'function' ? metrics() : HttpResponse.json(metrics);
  }));
  return queries;
}

/** Signed in as the demo's technical advisor; `metrics` replaces the mock community's figures. */
async function mountMetrics(locale: 'fr' | 'en' = 'en', options: { width?: string; metrics?: Metrics | (() => Response) } = {}) {
  const { width, metrics } = options;
  const forum = await mockForum();
  const queries = metrics ? serveMetrics(metrics) : [];
  const el = await mount<EntraideAgentMetrics>(html`<entraide-agent-metrics></entraide-agent-metrics>`, { locale, width, as: await forum.member(DEMO_PEOPLE.technicalAdvisor) });
  return { forum, el, queries };
}

const settled = (el: EntraideAgentMetrics) =>
  waitUntil(() => el.shadowRoot!.querySelector('[part="summary"], [part="error"], [part="empty"]'), 'the metrics never loaded', { timeout: 3000 });

describe('<entraide-agent-metrics>', () => {
  describe('figures', () => {
    it('shows community and advisor shares as percentages, in the chart labels too', async () => {
      const { el } = await mountMetrics('en', { metrics: fixedMetrics() });
      await settled(el);

      expect(summaryValues(el)).to.deep.equal(['12', '50%', '90%', '75%']);
      expect(chartLabel(el, 'first')).to.equal('First answers: community 90%, advisors 10%.');
      expect(chartLabel(el, 'solutions')).to.equal('Accepted solutions: community 75%, advisors 25%.');
      expect(chartLabel(el, 'median')).to.equal('Median time to first answer: community 12 minutes, advisors 3.5 hours.');
      expect($(el, '#first-caption + svg').getAttribute('role')).to.equal('img');
      expect($(el, '#first-caption + svg title').textContent).to.equal('First answers');
    });

    it('formats in French, with the same numbers', async () => {
      const { el } = await mountMetrics('fr', { metrics: fixedMetrics() });
      await settled(el);

      expect(summaryValues(el)).to.deep.equal(['12', percent('fr', 0.5), percent('fr', 0.9), percent('fr', 0.75)]);
      const hours = new Intl.NumberFormat('fr', { style: 'unit', unit: 'hour', unitDisplay: 'long', maximumFractionDigits: 1 }).format(3.5);
      expect(chartLabel(el, 'median')).to.contain('12 minutes').and.contain(hours).and.contain('3,5');
      expect(chartLabel(el, 'advisors')).to.contain(`${DEMO_PEOPLE.technicalAdvisor} 8 messages, 2 fois en appui`);
    });

    it('renders what the mock community counts', async () => {
      const forum = await mockForum();
      const advisor = await forum.member(DEMO_PEOPLE.technicalAdvisor);
      const client = createEntraideClient({ baseUrl: '/api', token: advisor.token });
      const el = await mount<EntraideAgentMetrics>(html`<entraide-agent-metrics></entraide-agent-metrics>`, { client, locale: 'en', as: advisor });
      await settled(el);
      const expected = await client.metrics.get({ from: new Date(Date.now() - 30 * DAY).toISOString(), to: new Date().toISOString() });
      // The demo's last 30 days: questions, first answers and both advisors, so the figures below are not all zero.
      expect(expected.threads).to.be.greaterThan(0);
      expect(expected.firstAnswers.total).to.be.greaterThan(0);
      expect(expected.advisors.map((row) => row.advisor.pseudonym)).to.have.members([DEMO_PEOPLE.technicalAdvisor, DEMO_PEOPLE.commercialAdvisor]);

      const { byMembers, total } = expected.firstAnswers;
      expect(summaryValues(el)[0]).to.equal(String(expected.threads));
      expect(summaryValues(el)[2]).to.equal(total ? percent('en', byMembers / total) : 'no data');
      expect($$(el, '#tables tbody tr').length).to.equal(3 + expected.categories.length + expected.advisors.length);
    });

    it('says when nothing was asked in the period', async () => {
      const { el } = await mountMetrics('en', { metrics: fixedMetrics({ threads: 0, categories: [], advisors: [] }) });
      await settled(el);
      expect($(el, '[part="empty"]').textContent).to.equal('No question in this period.');
    });

    it('offers a retry after a failure, and loads on retry', async () => {
      let fail = true;
      const failing = () => (fail ? HttpResponse.json({ code: 'internal', message: 'boom' }, { status: 500 }) : HttpResponse.json(fixedMetrics()));
      const { el } = await mountMetrics('en', { metrics: failing });
      // The SDK retries a 500 twice (0.3 s, then 0.6 s) before it gives up.
      await waitUntil(() => el.shadowRoot!.querySelector('[part="error"]'), 'no error shown', { timeout: 4000 });

      fail = false;
      $(el, '[part="retry"]').click();
      await waitUntil(() => el.shadowRoot!.querySelector('[part="summary"]'), 'retry never loaded', { timeout: 3000 });
      expect(summaryValues(el)[0]).to.equal('12');
    });
  });

  describe('period and category', () => {
    it('asks the last 30 days first, then refetches the chosen period and category', async () => {
      const { el, queries } = await mountMetrics('en', { metrics: fixedMetrics() });
      await settled(el);
      const span = (query: URLSearchParams) => Date.parse(query.get('to')!) - Date.parse(query.get('from')!);
      expect(span(queries[0]!)).to.equal(30 * DAY);

      const period = $<HTMLSelectElement>(el, '#period');
      period.value = '7';
      period.dispatchEvent(new Event('change'));
      await waitUntil(() => queries.length === 2, 'no refetch for the period', { timeout: 3000 });
      expect(span(queries[1]!)).to.equal(7 * DAY);
      expect(queries[1]!.has('categoryId')).to.equal(false);

      await waitUntil(() => $$(el, '#category option').length > 1, 'no categories', { timeout: 3000 });
      const category = $<HTMLSelectElement>(el, '#category');
      category.value = category.options[1]!.value;
      category.dispatchEvent(new Event('change'));
      await waitUntil(() => queries.length === 3, 'no refetch for the category', { timeout: 3000 });
      expect(queries[2]!.get('categoryId')).to.equal(category.options[1]!.value);
      expect(span(queries[2]!)).to.equal(7 * DAY);
    });
  });

  describe('tables and access', () => {
    it('keeps the tables for screen readers, and shows them with the toggle', async () => {
      const { el } = await mountMetrics('en', { metrics: fixedMetrics() });
      await settled(el);
      const toggle = $(el, '[part="table-toggle"]');
      expect($(el, '#tables').classList.contains('visually-hidden')).to.equal(true);
      expect(toggle.getAttribute('aria-pressed')).to.equal('false');

      toggle.focus();
      toggle.click();
      await el.updateComplete;

      expect($(el, '#tables').classList.contains('visually-hidden')).to.equal(false);
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      expect(el.shadowRoot!.activeElement === toggle).to.equal(true);
      const advisorRow = [...$$(el, '#tables table:last-of-type tbody tr')[0]!.children].map((cell) => cell.textContent);
      expect(advisorRow).to.deep.equal([DEMO_PEOPLE.technicalAdvisor, '8', '1', '2']);
      expect($(el, '#tables').tabIndex).to.equal(0);
    });

    it('passes axe, with the tables shown, at 360 px', async () => {
      const { el } = await mountMetrics('fr', { metrics: fixedMetrics(), width: '360px' });
      await settled(el);
      $(el, '[part="table-toggle"]').click();
      await el.updateComplete;
      await expectAccessible(el);
      expect(el.getBoundingClientRect().width).to.be.at.most(360);
    });

    it('never runs markup from pseudonyms', async () => {
      const parsed = watchMarkupParsing();
      const payload = '<img src=x onerror="window.metricsXss=1">';
      const { el } = await mountMetrics('en', { metrics: fixedMetrics({ advisors: [{ advisor: { id: 4, pseudonym: payload }, posts: 3, accepted: 0, assisted: 1 }] }) });
      await settled(el);

      expect(el.shadowRoot!.querySelectorAll('img').length).to.equal(0);
      expect(textOf(el)).to.contain(payload);
      expect(parsed, 'hostile markup parsed into live nodes').to.deep.equal([]);
      expect(window.metricsXss).to.equal(undefined);
    });
  });
});
