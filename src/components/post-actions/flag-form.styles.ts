import { css } from 'lit';
import { overLimitStyles } from '../internal/length-limit-view.ts';

export default css`
  :host {
    display: block;
    margin-top: var(--_space);
  }

  .form {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface-alt);
  }

  fieldset {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin: 0;
    padding: 0;
    border: 0;
  }

  legend {
    margin-bottom: calc(var(--_space) / 2);
    padding: 0;
    font-weight: 600;
  }

  .reason {
    display: flex;
    align-items: center;
    gap: var(--_space);
    min-height: 2.75rem;
  }

  textarea {
    width: 100%;
    padding: var(--_space);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    font: inherit;
  }

  .count {
    color: var(--_color-muted);
    font-size: 0.875em;
  }

  ${overLimitStyles}

  .error {
    margin: 0;
    color: var(--_color-danger);
  }

  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
`;
