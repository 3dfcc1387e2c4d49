import { css } from 'lit';

export default css`
  :host {
    display: block;
  }

  .same-problem {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space) calc(var(--_space) * 1.5);
  }

  .toggle[aria-pressed='true'] {
    background: var(--_color-surface-alt);
  }

  .count {
    color: var(--_color-muted);
    font-size: 0.9375em;
  }

  .error {
    margin: var(--_space) 0 0;
    color: var(--_color-danger);
    font-size: 0.875em;
  }
`;
