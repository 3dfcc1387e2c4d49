import { css } from 'lit';

export default css`
  :host {
    display: block;
  }

  h2 {
    margin: 0 0 var(--_space);
  }

  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    border-bottom: 1px solid var(--_color-border);
  }

  [role='tab'] {
    min-height: 2.75rem;
    padding: 0 calc(var(--_space) * 1.5);
    border: 0;
    border-bottom: 3px solid transparent;
    background: transparent;
    color: var(--_color-text);
    font: inherit;
    cursor: pointer;
  }

  [role='tab'][aria-selected='true'] {
    border-bottom-color: var(--_color-accent);
    color: var(--_color-accent);
    font-weight: 600;
  }

  .panel {
    padding-top: calc(var(--_space) * 2);
  }
`;
