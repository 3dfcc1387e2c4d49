import { css } from 'lit';

/** The administration's forms: labelled fields stacked, rows that wrap at 360 px, a status line. */
export const formStyles = css`
  form, .list { display: grid; gap: var(--_space); max-width: 46rem; }
  h3 { margin: calc(var(--_space) * 1.5) 0 0; font-size: 1.05rem; }
  .field { display: grid; gap: calc(var(--_space) / 3); font-weight: 600; border: 0; padding: 0; margin: 0; min-width: 0; }
  .field input:not([type='checkbox']), .field select, .field textarea { font-weight: 400; width: 100%; }
  .check input { width: 1.25rem; height: 1.25rem; }
  fieldset.field { display: flex; flex-wrap: wrap; gap: var(--_space); }
  legend { font-weight: 600; padding: 0; margin-bottom: calc(var(--_space) / 3); }
  .check { display: inline-flex; align-items: center; gap: calc(var(--_space) / 2); font-weight: 400; min-height: 2.75rem; }
  .row { display: flex; flex-wrap: wrap; align-items: start; gap: var(--_space); }
  .row > * { flex: 1 1 12rem; }
  .help { margin: 0; color: var(--_color-muted); font-size: 0.9rem; font-weight: 400; }
  .actions { display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space); }
  .status { margin: 0; }
  .status.failed { color: var(--_color-danger); }
`;

/** The administration's text fields and selects: 44 px targets, a visible border, red when refused. */
export const adminInputs = css`
  input:not([type='checkbox']):not([type='radio']), select, textarea {
    min-height: 2.75rem;
    padding: 0 calc(var(--_space) * 0.75);
    border: 1px solid var(--_color-muted);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    font: inherit;
  }
  textarea { min-height: auto; padding: calc(var(--_space) / 2) calc(var(--_space) * 0.75); resize: vertical; }
  input[aria-invalid='true'] { border-color: var(--_color-danger); }
`;
