import { css } from 'lit';

export default css`
  :host {
    display: inline-block;
  }

  .group {
    display: inline-flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }

  button[aria-pressed='true'] {
    border-color: var(--_color-accent);
    background: var(--_color-accent);
    color: var(--_color-on-accent);
  }

  .error {
    margin: calc(var(--_space) / 2) 0 0;
    color: var(--_color-danger);
    font-size: 0.875em;
  }
`;
