import { css } from 'lit';

/**
 * A table on wide screens; under 48rem (a phone, a narrow panel) each level becomes a card whose
 * fields show their own labels. The host is the size container, so the layout follows the room the
 * element has, not the window.
 */
export default css`
  :host {
    display: block;
    container-type: inline-size;
  }

  h3 {
    margin: 0 0 var(--_space);
  }

  .help {
    margin: 0 0 var(--_space);
    color: var(--_color-muted);
  }

  /* Live regions stay in the page when empty (one shown only when it speaks may go unheard). */
  .help:empty,
  .status:empty,
  .problems:empty {
    margin: 0;
    padding: 0;
    border: 0;
  }

  fieldset {
    margin: 0 0 calc(var(--_space) * 2);
    padding: var(--_space);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }

  legend {
    font-weight: 600;
  }

  .weight-fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
    gap: var(--_space);
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }

  input {
    width: 100%;
  }

  .problem {
    color: var(--_color-danger);
    font-size: 0.875em;
  }

  .steps {
    width: 100%;
    margin-bottom: var(--_space);
    border-collapse: collapse;
  }

  caption {
    margin-bottom: var(--_space);
    font-weight: 600;
    text-align: start;
  }

  th,
  td {
    padding: calc(var(--_space) / 2);
    border-bottom: 1px solid var(--_color-border);
    text-align: start;
    vertical-align: top;
  }

  thead th {
    font-size: 0.875em;
    color: var(--_color-muted);
  }

  tbody th {
    white-space: nowrap;
  }

  .count {
    font-variant-numeric: tabular-nums;
    text-align: end;
  }

  .count[data-stale] {
    opacity: 0.6;
  }

  /* Labels of the table's fields: the column headers say it on wide screens, the labels on cards. */
  .cell-label {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .problems {
    margin-bottom: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_color-danger);
    border-radius: var(--_radius);
    color: var(--_color-danger);
  }

  .problems p,
  .problems ul {
    margin: 0;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin-top: var(--_space);
  }

  .status {
    margin: var(--_space) 0 0;
    color: var(--_color-success);
  }

  .status[data-failed] {
    color: var(--_color-danger);
  }

  @container (max-width: 47.99rem) {
    .steps,
    .steps tbody,
    .steps tr,
    .steps th,
    .steps td,
    .steps caption {
      display: block;
    }

    .steps thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }

    .steps tbody tr {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
      gap: var(--_space);
      margin-bottom: var(--_space);
      padding: var(--_space);
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
    }

    .steps tbody th {
      grid-column: 1 / -1;
    }

    .steps th,
    .steps td {
      padding: 0;
      border: 0;
    }

    .cell-label {
      position: static;
      width: auto;
      height: auto;
      overflow: visible;
      clip-path: none;
      white-space: normal;
    }

    .count {
      text-align: start;
    }

    .count::before {
      content: attr(data-label);
      display: block;
      font-size: 0.875em;
      color: var(--_color-muted);
    }
  }
`;
