import { css } from 'lit';

export default css`
  :host {
    display: block;
  }

  .top,
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    margin-bottom: calc(var(--_space) * 2);
  }

  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }

  .chip-button {
    font: inherit;
    min-height: 2.25rem;
    padding: 0 calc(var(--_space) * 1.5);
    border: 1px solid var(--_color-border);
    border-radius: 999px;
    background: var(--_color-surface);
    color: var(--_color-text);
    cursor: pointer;
  }

  .chip-button[aria-pressed='true'] {
    border-color: var(--_color-accent);
    background: var(--_color-accent);
    color: var(--_color-on-accent);
  }

  .chip-button:focus-visible,
  select:focus-visible {
    outline: 3px solid var(--_color-focus);
    outline-offset: 2px;
  }

  .sort {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    color: var(--_color-muted);
  }

  select {
    font: inherit;
    min-height: 2.25rem;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
  }

  h2 {
    margin: 0;
    font-size: 1.375em;
  }

  .description {
    margin: calc(var(--_space) / 2) 0 0;
    color: var(--_color-muted);
  }

  ul {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  li {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }

  .title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2) var(--_space);
    color: var(--_color-muted);
    font-size: 0.875em;
  }

  .more {
    display: grid;
    justify-items: center;
    gap: var(--_space);
    margin-top: calc(var(--_space) * 2);
  }

  .notice {
    margin: 0;
    color: var(--_color-muted);
    font-size: 0.875em;
  }

  .unread {
    margin-inline-start: var(--_space);
    color: var(--_color-accent);
    font-weight: 700;
  }
`;
