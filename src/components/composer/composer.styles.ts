import { css } from 'lit';

export default css`
  :host {
    display: block;
  }

  form {
    display: grid;
    gap: calc(var(--_space) * 2);
  }

  .field {
    display: grid;
    gap: calc(var(--_space) / 2);
  }

  label {
    font-weight: 600;
  }

  input,
  textarea {
    width: 100%;
    padding: var(--_space);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    font: inherit;
  }

  textarea {
    min-height: 8rem;
    resize: vertical;
  }

  [aria-invalid='true'] {
    border-color: var(--_color-danger);
    border-width: 2px;
  }

  .under {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space);
    font-size: 0.875em;
  }

  .error {
    color: var(--_color-danger);
    font-weight: 600;
  }

  .count,
  .hint,
  .note {
    color: var(--_color-muted);
  }

  .note {
    margin: 0;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space) calc(var(--_space) * 2);
  }

  .hint {
    font-size: 0.875em;
  }
`;
