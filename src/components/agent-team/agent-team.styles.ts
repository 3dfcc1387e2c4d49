import { css } from 'lit';

export default css`
  :host {
    display: block;
  }

  h2,
  h3 {
    margin: 0 0 var(--_space);
  }

  .help {
    margin: 0 0 var(--_space);
    color: var(--_color-muted);
  }

  .mine,
  .now,
  .plan {
    margin-bottom: calc(var(--_space) * 2);
  }

  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .chips li {
    padding: 0.125rem calc(var(--_space) * 0.75);
    border-radius: var(--_radius);
    background: var(--_color-advisor-surface);
  }

  .team,
  .slots {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .team li {
    display: grid;
    grid-template-columns: minmax(8rem, 1fr) auto;
    gap: 0 var(--_space);
    padding: calc(var(--_space) / 2) 0;
    border-bottom: 1px solid var(--_color-border);
  }

  .team .name {
    font-weight: 600;
  }

  .team .count {
    color: var(--_color-muted);
  }

  .team .advisors {
    grid-column: 1 / -1;
    overflow-wrap: anywhere;
  }

  fieldset {
    margin: 0 0 var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }

  .slot[data-invalid] {
    border-color: var(--_color-danger);
  }

  .fields {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin-bottom: var(--_space);
  }

  .fields label {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }

  select,
  input[name='start'],
  input[name='end'] {
    min-height: 2.75rem;
    font: inherit;
  }

  .categories {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) var(--_space);
  }

  .check {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    min-height: 2.75rem;
  }

  .problem {
    margin: 0 0 var(--_space);
    color: var(--_color-danger);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }

  .status:empty {
    display: none;
  }
`;
