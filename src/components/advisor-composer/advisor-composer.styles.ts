import { css } from 'lit';
import { overLimitStyles } from '../internal/length-limit-view.ts';

export default css`
  :host {
    display: block;
    --_advisor-surface: var(--entraide-color-advisor-surface, var(--_color-advisor-surface));
  }

  form {
    display: grid;
    gap: calc(var(--_space) * 2);
  }

  label,
  legend {
    font-weight: 600;
  }

  textarea {
    width: 100%;
    min-height: 10rem;
    padding: var(--_space);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    font: inherit;
    resize: vertical;
  }

  /* The editor's tabs and preview are the composer's (../composer/editor.styles.ts). */
  .preview {
    min-height: 10rem;
  }

  .warnings {
    display: grid;
    gap: var(--_space);
  }

  .warnings:empty {
    display: none;
  }

  .warning {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    margin: 0;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-inline-start: 4px solid var(--_color-advisor);
    border-radius: var(--_radius);
    background: var(--_advisor-surface);
  }

  .warning span {
    flex: 1 1 16rem;
  }

  .button.small {
    min-height: 2.75rem;
    padding: 0 var(--_space);
    font-weight: 500;
  }

  .signature {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    background: var(--_advisor-surface);
    color: var(--_color-text);
  }

  h3 {
    margin: 0 0 calc(var(--_space) / 2);
    font-size: 1em;
  }

  .panels {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
    gap: calc(var(--_space) * 2);
  }

  .panel-box {
    margin: 0;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    min-width: 0;
  }

  .checklist,
  .faq-list {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .checklist li,
  .check {
    display: grid;
    grid-template-columns: auto 1fr;
    align-items: start;
    column-gap: var(--_space);
  }

  .check {
    margin: var(--_space) 0 0;
  }

  .checklist input,
  .check input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.15rem 0 0;
  }

  .excerpt {
    grid-column: 2;
    color: var(--_color-muted);
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }

  .faq-list li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }

  .faq-title {
    flex: 1 1 10rem;
    overflow-wrap: anywhere;
  }

  [aria-pressed='true'] {
    background: var(--_color-accent);
    color: var(--_color-on-accent);
  }

  .reviewers,
  .comments {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin: var(--_space) 0;
    padding-inline-start: calc(var(--_space) * 2);
  }

  .comment-author {
    font-weight: 600;
  }

  .comment-body {
    overflow-wrap: anywhere;
  }

  .comment-body > :first-child {
    margin-top: 0;
  }

  [part='review'] .button + .button,
  [part='share'] {
    margin-top: var(--_space);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }

  .hint,
  .count {
    margin: 0;
    color: var(--_color-muted);
    font-size: 0.875em;
  }

  .count {
    text-align: end;
  }

  ${overLimitStyles}

  .error {
    margin: 0;
    color: var(--_color-danger);
    font-weight: 600;
  }

  .error:empty {
    display: none;
  }
`;
