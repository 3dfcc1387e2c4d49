import { css } from 'lit';
import { overLimitStyles } from '../internal/length-limit-view.ts';

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

  ${overLimitStyles}

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space) calc(var(--_space) * 2);
  }

  .hint {
    font-size: 0.875em;
  }

  [hidden] {
    display: none !important;
  }

  .mentions {
    margin: calc(var(--_space) / 2) 0 0;
    padding: calc(var(--_space) / 2) 0;
    max-width: 24rem;
    list-style: none;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }

  [role='option'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space);
    align-items: baseline;
    min-height: 2.75rem;
    padding: calc(var(--_space) / 2) var(--_space);
    cursor: pointer;
  }

  [role='option'][aria-selected='true'] {
    background: var(--_color-accent);
    color: var(--_color-on-accent);
  }

  .mention-name {
    font-weight: 600;
  }

  .mention-role {
    font-size: 0.875em;
  }

  .check {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: calc(var(--_space) / 2) var(--_space);
    align-items: center;
  }

  .check input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
  }

  .check .hint {
    grid-column: 2;
    margin: 0;
  }

  .deflection {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_color-border);
    border-inline-start: 4px solid var(--_color-accent);
    border-radius: var(--_radius);
    background: var(--_color-surface-alt);
  }

  .deflection-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }

  .deflection h3,
  .deflection h4,
  .deflection p,
  .deflection ul {
    margin: 0;
  }

  .deflection h3 {
    font-size: 1.05em;
  }

  .deflection h4 {
    font-size: 0.95em;
  }

  .deflection ul {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding-inline-start: calc(var(--_space) * 2.5);
  }

  .deflection .summary {
    display: block;
    color: var(--_color-muted);
    font-size: 0.875em;
  }

  .dismiss {
    min-height: 2.75rem;
    padding: 0 var(--_space);
    border: 0;
    background: none;
    color: var(--_color-accent);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
`;
