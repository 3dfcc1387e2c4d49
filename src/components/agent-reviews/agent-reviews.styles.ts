import { css } from 'lit';
import { overLimitStyles } from '../internal/length-limit-view.ts';

export default css`
  :host {
    display: block;
  }

  h2,
  h3 {
    margin: 0 0 var(--_space);
  }

  h4 {
    margin: var(--_space) 0 calc(var(--_space) / 2);
    font-size: 1rem;
  }

  .top {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }

  .help,
  .meta {
    margin: 0 0 var(--_space);
    color: var(--_color-muted);
  }

  .draft {
    padding: var(--_space) 0 calc(var(--_space) * 2);
    border-top: 1px solid var(--_color-border);
  }

  .body,
  .comment-body {
    overflow-wrap: anywhere;
  }

  .body > :first-child,
  .comment-body > :first-child {
    margin-top: 0;
  }

  .body > :last-child,
  .comment-body > :last-child {
    margin-bottom: 0;
  }

  .body {
    margin-bottom: var(--_space);
    padding: var(--_space);
    background: var(--_color-surface-alt);
    border-radius: var(--_radius);
  }

  .marks {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    margin: 0 0 var(--_space);
  }

  .mark {
    padding: 0 calc(var(--_space) / 2);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }

  .reviewers,
  .comments {
    margin: 0 0 var(--_space);
    padding-left: 1.25rem;
  }

  .reviewers [data-approved='true'] {
    color: var(--_color-success);
  }

  .comments li {
    margin-bottom: calc(var(--_space) / 2);
  }

  .comment-author {
    font-weight: 600;
  }

  .comment-form {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: calc(var(--_space) / 2);
    margin-bottom: var(--_space);
  }

  textarea {
    width: 100%;
    min-height: 2.75rem;
    font: inherit;
  }

  .comment-form .help {
    margin: 0;
  }

  .problem {
    margin: 0;
    color: var(--_color-danger);
  }

  .limit {
    margin: 0;
    color: var(--_color-muted);
    font-size: 0.875em;
  }

  ${overLimitStyles}

  .approved,
  .posted {
    margin: 0;
    color: var(--_color-success);
  }
`;
