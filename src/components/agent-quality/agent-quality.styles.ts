import { css } from 'lit';
import { overLimitStyles } from '../internal/length-limit-view.ts';

export default css`
  :host {
    display: block;
  }

  h2,
  h3,
  h4 {
    margin: 0 0 var(--_space);
  }

  .help {
    margin: 0 0 var(--_space);
    color: var(--_color-muted);
  }

  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin-bottom: calc(var(--_space) * 2);
  }

  select,
  textarea {
    min-height: 2.75rem;
    font: inherit;
  }

  .advisor {
    margin-bottom: calc(var(--_space) * 2);
  }

  .item {
    padding: var(--_space) 0;
    border-top: 1px solid var(--_color-border);
  }

  .body {
    overflow-wrap: anywhere;
    margin-bottom: var(--_space);
  }

  .criteria {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: var(--_space);
  }

  fieldset {
    margin: 0;
    padding: calc(var(--_space) / 2) var(--_space);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }

  .score {
    display: flex;
    align-items: center;
    gap: 0.375rem;
    min-height: 2.25rem;
  }

  .comment {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    margin: var(--_space) 0 0;
  }

  .limit {
    margin: 0.25rem 0 var(--_space);
    color: var(--_color-muted);
    font-size: 0.875em;
  }

  ${overLimitStyles}

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }

  .average {
    margin: 0;
    font-weight: 600;
  }

  .problem {
    color: var(--_color-danger);
  }
`;
