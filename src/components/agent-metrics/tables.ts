/** The metrics as data tables: the charts' numbers for screen readers and anyone who prefers tables. */
import { html } from 'lit';
import type { Metrics } from '../../sdk/types.ts';
import { formatCount, formatDuration, formatPercent, ratio, split } from './figures.ts';
import type { AgentMetricsStrings } from './strings.ts';

export function renderTables(s: AgentMetricsStrings, locale: string, metrics: Metrics, categoryName: (id: number) => string) {
  const percent = (value: number | null) => formatPercent(locale, value, s.noData);
  const first = split(metrics.firstAnswers);
  const solutions = split(metrics.acceptedAnswers);
  const medians = metrics.medianFirstAnswerMs;
  return html`
    <table>
      <caption>${s.heading}</caption>
      <thead><tr><th scope="col">${s.measure}</th><th scope="col">${s.community}</th><th scope="col">${s.advisors}</th></tr></thead>
      <tbody>
        <tr><th scope="row">${s.firstAnswersTitle}</th><td>${percent(first.community)} (${formatCount(locale, metrics.firstAnswers.byMembers)})</td><td>${percent(first.advisors)} (${formatCount(locale, metrics.firstAnswers.byAdvisors)})</td></tr>
        <tr><th scope="row">${s.solutionsTitle}</th><td>${percent(solutions.community)} (${formatCount(locale, metrics.acceptedAnswers.byMembers)})</td><td>${percent(solutions.advisors)} (${formatCount(locale, metrics.acceptedAnswers.byAdvisors)})</td></tr>
        <tr><th scope="row">${s.medianTitle}</th><td>${formatDuration(locale, medians.members, s.noData)}</td><td>${formatDuration(locale, medians.advisors, s.noData)}</td></tr>
      </tbody>
    </table>
    <table>
      <caption>${s.categoriesTitle}</caption>
      <thead><tr>
        <th scope="col">${s.category}</th><th scope="col">${s.threads}</th><th scope="col">${s.solvedRate}</th>
        <th scope="col">${s.communityFirst}</th><th scope="col">${s.advisorFirst}</th><th scope="col">${s.communityShare}</th>
      </tr></thead>
      <tbody>
        ${metrics.categories.map((row) => html`<tr>
          <th scope="row">${categoryName(row.categoryId)}</th><td>${formatCount(locale, row.threads)}</td><td>${percent(ratio(row.solved, row.threads))}</td>
          <td>${formatCount(locale, row.firstAnswersByMembers)}</td><td>${formatCount(locale, row.firstAnswersByAdvisors)}</td>
          <td>${percent(ratio(row.firstAnswersByMembers, row.firstAnswersByMembers + row.firstAnswersByAdvisors))}</td>
        </tr>`)}
      </tbody>
    </table>
    <table>
      <caption>${s.advisorsTitle}</caption>
      <thead><tr><th scope="col">${s.advisor}</th><th scope="col">${s.posts}</th><th scope="col">${s.accepted}</th><th scope="col">${s.assisted}</th></tr></thead>
      <tbody>
        ${metrics.advisors.map((row) => html`<tr>
          <th scope="row">${row.advisor.pseudonym}</th><td>${formatCount(locale, row.posts)}</td><td>${formatCount(locale, row.accepted)}</td><td>${formatCount(locale, row.assisted)}</td>
        </tr>`)}
      </tbody>
    </table>
  `;
}
