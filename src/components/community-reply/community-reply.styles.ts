import { css } from 'lit';

export default css`
  :host {
    --_reply-lines: var(--entraide-community-reply-lines, 4);
    display: block;
  }

  .reply {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_color-border);
    border-inline-start: 4px solid var(--_color-accent);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }

  :host([accepted]) .reply {
    border-inline-start-color: var(--_color-success);
  }

  .header {
    --entraide-avatar-size: 1.75rem;
    font-size: 0.875em;
  }

  .state {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    margin: 0;
  }

  .badge {
    padding: 0 var(--_space);
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.8125em;
    font-weight: 600;
  }

  .badge.accepted {
    color: var(--_color-success);
  }

  .badge.confirmed {
    color: var(--_color-advisor);
  }

  .body {
    overflow-wrap: anywhere;
  }

  .body > :first-child {
    margin-top: 0;
  }

  .body > :last-child {
    margin-bottom: 0;
  }

  :host([excerpt]) .body {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--_reply-lines);
    overflow: hidden;
  }

  .credit {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) var(--_space);
    color: var(--_color-muted);
    font-size: 0.875em;
  }

  .credit a {
    display: inline-flex;
    align-items: center;
    min-height: 1.5rem;
  }
`;
