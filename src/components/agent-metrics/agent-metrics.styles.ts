import { css } from 'lit';

export default css`
  :host {
    display: block;
    --_community: var(--_color-accent);
    --_advisor: var(--_color-advisor);
  }

  section {
    display: grid;
    gap: calc(var(--_space) * 2);
  }

  h2 {
    margin: 0;
    font-size: 1.25em;
  }

  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }

  label {
    font-weight: 600;
  }

  select {
    min-height: 2.75rem;
    padding: 0 var(--_space);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    font: inherit;
  }

  .summary {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 10rem), 1fr));
    gap: var(--_space);
    margin: 0;
  }

  .summary div {
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_color-surface-alt);
  }

  dt {
    color: var(--_color-muted);
    font-size: 0.875em;
  }

  dd {
    margin: 0;
    font-size: 1.5em;
    font-weight: 700;
  }

  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr));
    gap: calc(var(--_space) * 2);
  }

  .chart {
    margin: 0;
  }

  figcaption {
    font-weight: 600;
  }

  svg {
    display: block;
    max-width: 32rem;
    overflow: visible;
  }

  svg text {
    fill: var(--_color-text);
    font-size: 11px;
  }

  .bar.community {
    fill: var(--_community);
  }

  .bar.advisor {
    fill: var(--_advisor);
  }

  .tables {
    display: grid;
    gap: calc(var(--_space) * 2);
  }

  /* Wide tables scroll sideways on a phone; the region takes the focus to scroll by keyboard. */
  .tables:not(.visually-hidden) {
    overflow-x: auto;
  }

  table {
    border-collapse: collapse;
    width: 100%;
  }

  caption {
    font-weight: 600;
    text-align: start;
  }

  th,
  td {
    padding: calc(var(--_space) / 2) var(--_space);
    border-bottom: 1px solid var(--_color-border);
    text-align: start;
  }

  td {
    font-variant-numeric: tabular-nums;
  }
`;
