import { css } from 'lit';
import { overLimitStyles } from '../internal/length-limit-view.ts';

/** Shared by every panel of the advisor tools: compact sections that reflow down to 360 px. */
export default css`
  :host {
    display: block;
  }

  .tools {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }

  .panel {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--entraide-advisor-tools-background, var(--_color-advisor-surface));
  }

  h2,
  h3,
  h4 {
    margin: 0;
    font-size: 1.0625em;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space);
  }

  .field {
    display: grid;
    gap: calc(var(--_space) / 2);
    flex: 1 1 14rem;
    min-width: 0;
  }

  input,
  select,
  textarea {
    min-height: 2.75rem;
    padding: calc(var(--_space) / 2) var(--_space);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    font: inherit;
    width: 100%;
  }

  ul,
  ol {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: var(--_space);
  }

  .item {
    padding: var(--_space);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    overflow-wrap: anywhere;
  }

  .muted,
  .hint,
  .count {
    color: var(--_color-muted);
    font-size: 0.875em;
  }

  ${overLimitStyles}

  .feedback p {
    margin: 0;
  }

  .feedback:has(p:not(:empty)) {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }

  .error {
    color: var(--_color-danger);
  }

  /* The server's own words under the translated sentence, for staff who report the problem. */
  .error .detail {
    display: block;
    color: var(--_color-muted);
    font-size: 0.875em;
    font-weight: 400;
  }

  .done {
    color: var(--_color-success);
  }

  .chip {
    display: inline-block;
    padding: 0 var(--_space);
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.8125em;
    font-weight: 600;
  }

  .body :first-child {
    margin-top: 0;
  }

  .body :last-child {
    margin-bottom: 0;
  }

  /* The merge picker: a combobox and its listbox. */
  .picker {
    position: relative;
  }

  [role='listbox'] {
    margin-top: calc(var(--_space) / 2);
    max-height: 16rem;
    overflow-y: auto;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    gap: 0;
  }

  [role='option'] {
    padding: var(--_space);
    cursor: pointer;
  }

  [role='option'][aria-selected='true'] {
    background: var(--_color-accent);
    color: var(--_color-on-accent);
  }

  dialog {
    max-width: min(32rem, calc(100vw - 2rem));
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }

  dialog .title {
    margin: 0;
    font-size: 1.125em;
    font-weight: 700;
  }

  dialog form {
    display: grid;
    gap: var(--_space);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
`;
