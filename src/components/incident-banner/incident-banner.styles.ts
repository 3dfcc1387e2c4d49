import { css } from 'lit';

export default css`
  :host {
    --_color-warning: var(--entraide-color-warning, light-dark(#8a4b00, #ffcf8a));
    --_color-warning-surface: var(--entraide-color-warning-surface, light-dark(#fff4e0, #2e2414));

    display: block;
  }

  .banner {
    border: 1px solid var(--_color-warning);
    border-inline-start-width: 0.375rem;
    border-radius: var(--_radius);
    background: var(--_color-warning-surface);
    color: var(--_color-text);
  }

  .list,
  .updates {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .incident {
    display: flex;
    gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 1.5);
  }

  .incident + .incident {
    border-top: 1px solid var(--_color-warning);
  }

  .icon {
    color: var(--_color-warning);
    font-size: 1.25em;
    line-height: 1.2;
  }

  .body {
    flex: 1;
    min-width: 0;
  }

  p {
    margin: 0 0 calc(var(--_space) / 2);
    overflow-wrap: anywhere;
  }

  .heading {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space);
  }

  .status {
    padding: 0 var(--_space);
    border: 1px solid var(--_color-warning);
    border-radius: 999px;
    color: var(--_color-text);
    font-size: 0.8125em;
    font-weight: 600;
    white-space: nowrap;
  }

  .incident[data-status='resolved'] .heading .status {
    border-color: var(--_color-success);
    color: var(--_color-success);
  }

  .updated {
    color: var(--_color-muted);
    font-size: 0.875em;
  }

  /* The absolute date: read by screen readers always, shown on hover and keyboard focus. */
  .absolute {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  time:is(:hover, :focus-visible) + .absolute {
    position: static;
    width: auto;
    height: auto;
    margin-inline-start: 0.25em;
    clip-path: none;
  }

  .toggle {
    min-height: 2.75rem; /* a 44 px touch target */
    padding: 0;
    border: 0;
    background: none;
    color: var(--_color-accent);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }

  .details {
    margin-top: var(--_space);
    font-size: 0.9375em;
  }

  .details[hidden] {
    display: none;
  }

  .history {
    font-weight: 600;
  }

  .updates li + li {
    margin-top: var(--_space);
  }
`;
