import { css } from 'lit';

export default css`
  :host {
    display: block;
    --_faq-accent: var(--entraide-faq-link-accent, var(--_color-accent));
  }

  .card {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_color-border);
    border-left: 4px solid var(--_faq-accent);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }

  .kind,
  .category {
    color: var(--_color-muted);
    font-size: 0.8125em;
  }

  .title {
    justify-self: start;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_color-accent);
    font: inherit;
    font-weight: 600;
    text-align: start;
    text-decoration: underline;
    overflow-wrap: anywhere;
    cursor: pointer;
  }

  .summary {
    margin: 0;
    overflow-wrap: anywhere;
  }

  mark {
    /* The text colour, not the muted one: muted on the highlight falls under 4.5:1 in dark mode. */
    background: var(--entraide-color-highlight, light-dark(#fff1a8, #5a4a00));
    color: var(--_color-text);
  }
`;
