import { css } from 'lit';
import { overLimitStyles } from '../internal/length-limit-view.ts';

export default css`
  :host {
    display: block;
  }

  h2 {
    margin: 0 0 calc(var(--_space) / 2);
    font-size: 1.375em;
  }

  .intro,
  .meta,
  .hint,
  .count {
    color: var(--_color-muted);
    font-size: 0.875em;
  }

  ${overLimitStyles}

  .list,
  .messages {
    list-style: none;
    margin: var(--_space) 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }

  .item {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }

  .item[data-unread] {
    border-inline-start: 4px solid var(--_color-accent);
  }

  .item a {
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2) var(--_space);
  }

  .new {
    padding: 0 0.5em;
    border-radius: 999px;
    background: var(--_color-accent);
    color: var(--_color-on-accent);
    font-size: 0.8125em;
    font-weight: 700;
  }

  .status.open {
    color: var(--_color-accent);
  }

  .message {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    overflow-wrap: anywhere;
  }

  .message.advisor {
    border-color: var(--_color-advisor);
    background: var(--_color-advisor-surface);
  }

  .message.mine {
    margin-inline-start: clamp(0rem, 8vw, 4rem);
  }

  .message .body > :first-child {
    margin-top: 0;
  }

  .message .body > :last-child {
    margin-bottom: 0;
  }

  .author {
    font-weight: 600;
  }

  .role {
    color: var(--_color-advisor);
    font-size: 0.8125em;
    font-weight: 600;
  }

  .closed {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    background: var(--_color-surface-alt);
  }

  form {
    display: grid;
    gap: calc(var(--_space) / 2);
  }

  label {
    font-weight: 600;
  }

  textarea {
    width: 100%;
    min-height: 7rem;
    padding: var(--_space);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    font: inherit;
    resize: vertical;
  }

  textarea[aria-invalid='true'] {
    border-color: var(--_color-danger);
  }

  .under {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space);
  }

  .error {
    color: var(--_color-danger);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }

  /* The stream is down: said quietly, under everything, without moving what is read. */
  .state.quiet {
    padding: calc(var(--_space) / 2) var(--_space);
    color: var(--_color-muted);
    font-size: 0.875em;
  }
`;
