import { css } from 'lit';

export default css`
  :host {
    display: block;
  }

  .top {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    margin-bottom: calc(var(--_space) * 2);
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
`;
