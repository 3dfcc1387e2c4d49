import { css } from 'lit';

export default css`
  :host {
    display: block;
    --_color-warning: var(--entraide-color-warning, light-dark(#8a4b00, #ffcf8a));
    --_color-warning-surface: var(--entraide-color-warning-surface, light-dark(#fff4e0, #2e2414));
  }

  h2,
  h3,
  h4 {
    margin: 0 0 var(--_space);
  }

  p {
    margin: 0 0 var(--_space);
  }

  ul,
  ol {
    margin: 0 0 var(--_space);
    padding: 0;
    list-style: none;
  }

  .intro,
  .muted,
  .help,
  .server-webhook {
    color: var(--_color-muted);
  }

  .help,
  .muted {
    font-size: 0.875em;
  }

  .card {
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    overflow-wrap: anywhere;
  }

  .card + .card {
    margin-top: var(--_space);
  }

  li[data-disabled] > .url {
    color: var(--_color-muted);
  }

  .url {
    font-size: 1em;
  }

  .meta,
  .buttons,
  .secret-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }

  .chip {
    display: inline-block;
    padding: 0 var(--_space);
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.8125em;
    font-weight: 600;
    white-space: nowrap;
    color: var(--_color-muted);
  }

  .chip.enabled,
  .chip.delivered {
    color: var(--_color-success);
  }

  .chip.failed {
    color: var(--_color-danger);
  }

  .chip.pending {
    color: var(--_color-accent);
  }

  .button.danger {
    border-color: var(--_color-danger);
    color: var(--_color-danger);
  }

  .button.danger:not(.secondary) {
    background: var(--_color-danger);
    color: var(--_color-surface);
  }

  .panel,
  .log {
    margin-top: var(--_space);
    padding: var(--_space);
    border-top: 1px solid var(--_color-border);
  }

  .secret .warning {
    padding: var(--_space);
    border: 1px solid var(--_color-warning);
    border-radius: var(--_radius);
    background: var(--_color-warning-surface);
    color: var(--_color-warning);
    font-weight: 600;
  }

  .secret-row input {
    flex: 1 1 16rem;
    min-width: 0;
    font-family: ui-monospace, monospace;
  }

  .confirm-heading {
    font-weight: 600;
  }

  .form {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin-top: var(--_space);
  }

  .form .help,
  .form .field-error {
    margin: 0 0 var(--_space);
  }

  .field-error {
    color: var(--_color-danger);
    font-weight: 600;
  }

  fieldset {
    margin: 0 0 var(--_space);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }

  label.check {
    display: flex;
    gap: var(--_space);
    align-items: center;
    min-height: 2.75rem;
  }

  .events {
    padding-inline-start: calc(var(--_space) * 3);
  }

  .filter {
    display: inline-flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    margin-bottom: var(--_space);
  }

  input,
  select {
    font: inherit;
    min-height: 2.75rem;
    max-width: 100%;
    color: var(--_color-text);
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    padding: 0 var(--_space);
  }

  input[type='checkbox'],
  input[type='radio'] {
    min-height: auto;
    width: 1.25rem;
    height: 1.25rem;
  }

  input[aria-invalid='true'] {
    border-color: var(--_color-danger);
  }

  .delivery {
    padding: var(--_space) 0;
    border-bottom: 1px solid var(--_color-border);
  }

  .last-error code {
    color: var(--_color-danger);
  }

  .notice:empty {
    display: none;
  }

  .notice {
    color: var(--_color-success);
  }

  .notice.error {
    color: var(--_color-danger);
  }
`;
