import { css } from 'lit';

export default css`
  :host {
    display: block;
  }

  form {
    display: flex;
    gap: var(--_space);
  }

  input {
    flex: 1;
    min-width: 0;
    min-height: 2.75rem;
    padding: 0 var(--_space);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    font: inherit;
  }

  .did-you-mean {
    margin: calc(var(--_space) * 2) 0 0;
    font-size: 1.0625em;
  }

  .did-you-mean a {
    font-weight: 600;
  }

  .count {
    margin: var(--_space) 0;
    color: var(--_color-muted);
    font-size: 0.875em;
  }

  .results {
    display: grid;
    gap: calc(var(--_space) * 2);
  }

  h2 {
    margin: 0 0 var(--_space);
    font-size: 1.125em;
  }

  ul {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .thread {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: start;
    gap: calc(var(--_space) / 2) var(--_space);
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }

  .title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .snippet {
    grid-column: 1 / -1;
    margin: 0;
    color: var(--_color-muted);
    overflow-wrap: anywhere;
  }

  mark {
    /* The text colour, not the muted one: muted on the highlight falls under 4.5:1 in dark mode. */
    background: var(--entraide-color-highlight, light-dark(#fff1a8, #5a4a00));
    color: var(--_color-text);
  }

  .state p {
    margin: 0 0 var(--_space);
  }

  .more {
    display: grid;
    justify-items: center;
    gap: var(--_space);
  }
`;
