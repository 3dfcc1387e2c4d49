import { css } from 'lit';

export default css`
  :host {
    display: block;
  }

  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2) var(--_space);
  }

  .action {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    min-height: 2.75rem; /* a 44 px touch target */
    padding: 0 var(--_space);
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_color-accent);
    font: inherit;
    font-size: 0.9375em;
    font-weight: 600;
    cursor: pointer;
  }

  .action:hover {
    border-color: var(--_color-border);
  }

  .action[aria-pressed='true'] {
    border-color: var(--_color-accent);
    background: var(--_color-surface-alt);
  }

  .action[aria-disabled='true'] {
    color: var(--_color-muted);
    cursor: default;
  }

  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2) var(--_space);
    margin-top: var(--_space);
  }

  .confirm p,
  .confirm label {
    flex-basis: 100%;
    margin: 0;
  }

  .confirm input {
    display: block;
    box-sizing: border-box;
    width: 100%;
    font: inherit;
  }

  .danger {
    border-color: var(--_color-danger);
    color: var(--_color-danger);
  }

  .accept {
    color: var(--_color-success);
  }

  .count {
    min-width: 1.5em;
    padding: 0 calc(var(--_space) / 2);
    border-radius: 999px;
    background: var(--_color-surface-alt);
    color: var(--_color-text);
    text-align: center;
  }

  .static {
    padding: 0 var(--_space);
    color: var(--_color-muted);
    font-size: 0.9375em;
  }

  .manual-link {
    width: 100%;
    margin-top: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    font: inherit;
  }

  .message {
    margin: 0;
    color: var(--_color-muted);
    font-size: 0.875em;
  }

  .message:empty {
    display: none;
  }

  .edited {
    margin: 0 0 calc(var(--_space) / 2);
    color: var(--_color-muted);
    font-size: 0.8125em;
  }
`;
