import { css } from 'lit';

export default css`
  :host {
    --_color-warning: var(--entraide-color-warning, light-dark(#8a4b00, #ffcf8a));
    --_color-warning-surface: var(--entraide-color-warning-surface, light-dark(#fff4e0, #2e2414));

    display: block;
    /* The banner's own width decides compactness: an embed may sit in a narrow column on a desktop. */
    container-type: inline-size;
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

  /* The icon beside the text; below it the buttons, then the details they open. */
  .incident {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    grid-template-areas: 'icon body' 'icon controls' 'icon details';
    column-gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 1.5);
  }

  .icon {
    grid-area: icon;
  }

  .body {
    grid-area: body;
  }

  .controls {
    grid-area: controls;
  }

  .details {
    grid-area: details;
  }

  .incident + .incident {
    border-top: 1px solid var(--_color-warning);
  }

  .icon {
    color: var(--_color-warning);
    font-size: 1.25em;
    line-height: 1.2;
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

  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--_space);
  }

  .toggle,
  .dismiss {
    min-height: 2.75rem; /* a 44 px touch target */
    padding: 0;
    border: 0;
    background: none;
    color: var(--_color-accent);
    font: inherit;
    cursor: pointer;
  }

  .toggle {
    text-decoration: underline;
  }

  .dismiss {
    min-width: 2.75rem;
    border-radius: var(--_radius);
    color: var(--_color-text);
    font-size: 1.5em;
    line-height: 1;
  }

  .dismiss:hover {
    background: color-mix(in srgb, var(--_color-warning) 15%, transparent);
  }

  /*
   * A phone (or any narrow column): one line per incident, icon, title, status and the buttons;
   * the text, the update time and the details open with the toggle. The forum's first content
   * then stays within the first screen.
   */
  @container (max-width: 36rem) {
    .incident {
      column-gap: var(--_space);
      padding: var(--_space);
    }

    /* Closed: one line. Open: the wide layout, the text under the title, the buttons under the text. */
    .incident:not([data-open]) {
      grid-template-columns: auto minmax(0, 1fr) auto;
      grid-template-areas: 'icon body controls' 'details details details';
      align-items: center;
      padding-block: 0;
    }

    .heading {
      flex-wrap: nowrap;
      margin: 0;
    }

    .title {
      flex: 1 1 auto;
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }

    /* Closed, the line is for the title: the status chip shows with the text. */
    .incident:not([data-open], [data-status='resolved']) .heading .status {
      display: none;
    }

    .incident:not([data-open]) :is(.text, .updated) {
      display: none;
    }

    .incident[data-open] .heading {
      flex-wrap: wrap;
    }

    .incident[data-open] .title {
      white-space: normal;
    }

    .controls {
      flex-wrap: nowrap;
      align-items: center;
    }

    .toggle {
      font-size: 0.875em;
      white-space: nowrap;
    }
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
