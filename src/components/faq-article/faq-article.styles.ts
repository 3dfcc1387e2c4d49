import { css } from 'lit';

export default css`
  :host {
    display: block;
  }

  .kind,
  .muted {
    color: var(--_color-muted);
    font-size: 0.875em;
  }

  h2 {
    margin: 0 0 var(--_space);
    font-size: 1.375em;
    overflow-wrap: anywhere;
  }

  h3 {
    margin: calc(var(--_space) * 3) 0 var(--_space);
    font-size: 1.125em;
  }

  .summary {
    font-weight: 600;
  }

  .body {
    overflow-wrap: anywhere;
  }

  .body :is(img, pre, table) {
    max-width: 100%;
    overflow-x: auto;
  }

  .related {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .related > li {
    padding: var(--_space) 0;
    border-bottom: 1px solid var(--_color-border);
    overflow-wrap: anywhere;
  }

  .related a {
    color: var(--_color-accent);
    font-weight: 600;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) var(--_space);
    align-items: center;
    font-size: 0.875em;
    color: var(--_color-muted);
  }
`;
