import { css } from 'lit';

export default css`
  :host {
    display: block;
  }

  h2 {
    margin: 0 0 calc(var(--_space) * 2);
    font-size: 1.375em;
  }

  ul {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
    gap: calc(var(--_space) * 1.5);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  li {
    display: grid;
    align-content: start;
    gap: calc(var(--_space) / 2);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }

  h3 {
    margin: 0;
    font-size: 1.125em;
  }

  .description {
    margin: 0;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) var(--_space);
    color: var(--_color-muted);
    font-size: 0.875em;
  }
`;
