import { css } from 'lit';

export default css`
  :host {
    --_color-urgent: var(--entraide-color-urgent, var(--_color-danger));

    display: block;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    align-items: center;
  }

  .toolbar label {
    display: inline-flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }

  select,
  input[type='checkbox'] {
    font: inherit;
    min-height: 2.75rem;
  }

  input[type='checkbox'] {
    min-height: auto;
    width: 1.25rem;
    height: 1.25rem;
  }

  .shortcuts {
    color: var(--_color-muted);
    font-size: 0.875em;
  }

  .group h3 {
    margin: calc(var(--_space) * 2) 0 var(--_space);
    font-size: 1.0625em;
  }

  .group.advisor-now h3 {
    color: var(--_color-urgent);
  }

  .count {
    color: var(--_color-muted);
    font-weight: 400;
  }

  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  li[part='item'] {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    overflow-wrap: anywhere;
  }

  li[part='item'] + li[part='item'] {
    margin-top: var(--_space);
  }

  li.active {
    border-color: var(--_color-accent);
  }

  .title {
    font-weight: 600;
  }

  .meta,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    margin-top: calc(var(--_space) / 2);
    color: var(--_color-muted);
    font-size: 0.875em;
  }

  .status.urgent,
  .overdue {
    color: var(--_color-urgent);
  }

  .countdown {
    font-variant-numeric: tabular-nums;
  }

  .button.small {
    min-height: 2.75rem;
    font-size: 0.875rem;
  }

  .button[aria-pressed='true'] {
    background: var(--_color-accent);
    color: var(--_color-on-accent);
  }

  .experts {
    margin-top: var(--_space);
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_color-surface-alt);
  }

  .experts fieldset {
    border: 0;
    margin: 0;
    padding: 0;
  }

  .experts li {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }

  .experts label {
    display: inline-flex;
    gap: var(--_space);
    align-items: center;
    min-height: 2.75rem;
  }

  .error {
    color: var(--_color-danger);
  }

  .ok {
    color: var(--_color-success);
  }

  .group-empty {
    margin: 0 0 var(--_space);
    color: var(--_color-muted);
  }

  .more {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    margin: var(--_space) 0;
  }
`;
