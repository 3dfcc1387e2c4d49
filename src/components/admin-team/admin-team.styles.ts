import { css } from 'lit';

/** One card per person; fields stack, checkboxes wrap, so 360 px is enough. */
export default css`
  :host {
    display: block;
  }

  h3 {
    margin: 0 0 var(--_space);
  }

  h4 {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .help {
    margin: 0 0 var(--_space);
    color: var(--_color-muted);
  }

  .people {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .person {
    display: grid;
    gap: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }

  .who {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--_space);
  }

  .role {
    padding: 0 calc(var(--_space) * 0.75);
    border-radius: var(--_radius);
    background: var(--_color-advisor-surface);
    color: var(--_color-advisor);
    font-size: 0.875em;
    font-weight: 600;
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    max-width: 24rem;
  }

  fieldset {
    margin: 0;
    padding: var(--_space);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    min-width: 0;
  }

  legend {
    font-weight: 600;
  }

  .checks {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space);
  }

  .check {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    min-height: 2.75rem;
  }

  .problem {
    margin: 0;
    color: var(--_color-danger);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }

  .status {
    margin: 0;
    color: var(--_color-success);
  }

  .status[data-failed] {
    color: var(--_color-danger);
  }
`;
