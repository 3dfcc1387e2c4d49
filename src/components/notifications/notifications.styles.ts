import { css } from 'lit';

export default css`
  :host {
    display: inline-block;
    position: relative;
  }

  .toggle {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    min-width: 2.75rem; /* a 44 px touch target */
    min-height: 2.75rem;
    padding: 0 var(--_space);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    font: inherit;
    cursor: pointer;
  }

  .count {
    min-width: 1.5em;
    padding: 0 0.35em;
    border-radius: 999px;
    background: var(--_color-accent);
    color: var(--_color-on-accent);
    font-size: 0.85em;
    font-weight: 700;
    text-align: center;
  }

  .panel {
    position: absolute;
    inset-inline-end: 0;
    z-index: 10;
    width: min(24rem, 90vw);
    margin-top: calc(var(--_space) / 2);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    box-shadow: 0 0.5rem 1.5rem rgb(0 0 0 / 0.15);
  }

  .panel[hidden] {
    display: none;
  }

  .head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }

  h2 {
    margin: 0;
    font-size: 1.05em;
  }

  .button.small {
    min-height: 2.75rem;
    padding: 0 var(--_space);
    font-weight: 500;
  }

  .list,
  .items {
    margin: var(--_space) 0 0;
    padding: 0;
    list-style: none;
  }

  .list {
    max-height: min(28rem, 70vh);
    overflow-y: auto;
  }

  .items {
    margin: 0;
  }

  .group {
    border-top: 1px solid var(--_color-border);
  }

  .group .item + .item {
    border-top: 1px dashed var(--_color-border);
  }

  .item a {
    color: var(--_color-text);
  }

  .link-button {
    min-height: 2.75rem;
    margin-inline-start: auto;
    padding: 0 calc(var(--_space) / 2);
    border: 0;
    background: none;
    color: var(--_color-accent);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }

  .head {
    flex-wrap: wrap;
  }

  .head h2 {
    flex: 1;
  }

  .item {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 4);
    padding: var(--_space) 0 0;
  }

  .item[data-unread] {
    font-weight: 600;
  }

  .meta {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--_space);
    color: var(--_color-muted);
    font-size: 0.875em;
    font-weight: 400;
  }

  .new {
    color: var(--_color-accent);
    font-weight: 700;
  }
`;
