import { css } from 'lit';

export default css`
  :host {
    display: inline-flex;
  }

  .group {
    display: inline-flex;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    overflow: hidden;
  }

  button {
    min-width: 2.75rem;
    min-height: 2.75rem;
    padding: 0 calc(var(--_space) * 1.25);
    border: 0;
    background: var(--_color-surface);
    color: var(--_color-text);
    font: inherit;
    font-size: 0.875em;
    font-weight: 600;
    cursor: pointer;
  }

  button + button {
    border-inline-start: 1px solid var(--_color-border);
  }

  button[aria-pressed='true'] {
    background: var(--_color-accent);
    color: var(--_color-on-accent);
  }

  button:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: -2px;
  }
`;
