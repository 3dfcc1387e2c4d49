import { css } from 'lit';
import { overLimitStyles } from '../internal/length-limit-view.ts';

export default css`
  :host {
    display: block;
  }

  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .card {
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    overflow-wrap: anywhere;
  }

  .card + .card {
    margin-top: var(--_space);
  }

  .card p {
    margin: 0 0 var(--_space);
  }

  .title {
    font-weight: 600;
  }

  .meta,
  .buttons,
  .threads {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }

  .meta {
    color: var(--_color-muted);
    font-size: 0.875em;
  }

  .live {
    padding: 0 var(--_space);
    border: 1px solid var(--_color-success);
    border-radius: 999px;
    color: var(--_color-success);
    font-weight: 600;
  }

  blockquote {
    margin: 0 0 var(--_space);
    padding-inline-start: var(--_space);
    border-inline-start: 3px solid var(--_color-border);
  }

  .form {
    display: grid;
    gap: var(--_space);
    margin-top: var(--_space);
  }

  .form h4 {
    margin: 0;
  }

  .form label {
    display: grid;
    gap: calc(var(--_space) / 2);
  }

  .form label.check {
    display: inline-flex;
    align-items: center;
    margin-inline-end: var(--_space);
  }

  fieldset {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }

  fieldset[part='other-language'] {
    display: grid;
    gap: var(--_space);
  }

  .help {
    margin: 0;
    color: var(--_color-muted);
    font-size: 0.875em;
  }

  input,
  textarea,
  select {
    font: inherit;
    min-height: 2.75rem;
    max-width: 100%;
  }

  /* A field's count sits just under it, closer than the form's gap. */
  .limit {
    margin-top: calc(var(--_space) / -2);
    color: var(--_color-muted);
    font-size: 0.875em;
  }

  ${overLimitStyles}

  .problem {
    color: var(--_color-danger);
    font-weight: 600;
  }

  .problem {
    margin: 0;
  }

  .confirm {
    font-weight: 600;
  }

  .button.danger {
    border-color: var(--_color-danger);
    color: var(--_color-danger);
  }

  .notice:empty {
    display: none;
  }

  .notice {
    color: var(--_color-success);
  }

  .notice.error {
    color: var(--_color-danger);
  }
`;
