import { css } from 'lit';

export default css`
  :host {
    display: block;
  }

  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }

  h2 {
    margin: 0;
    font-size: 1.375em;
    overflow-wrap: anywhere;
  }

  h3 {
    margin: calc(var(--_space) * 3) 0 var(--_space);
    font-size: 1.125em;
  }

  .joined,
  .muted {
    color: var(--_color-muted);
  }

  .stats {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
    gap: var(--_space);
    margin: calc(var(--_space) * 2) 0 0;
    padding: 0;
    list-style: none;
  }

  .stats li,
  .progress {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface-alt);
  }

  progress {
    display: block;
    width: 100%;
    height: 0.75rem;
    accent-color: var(--_color-accent);
  }

  .criteria {
    margin: var(--_space) 0 0;
    padding-left: 1.25rem;
  }

  .list {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .list > li {
    padding: var(--_space) 0;
    border-bottom: 1px solid var(--_color-border);
    overflow-wrap: anywhere;
  }

  .list a {
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

  .excerpt {
    margin: calc(var(--_space) / 2) 0;
  }

  .more {
    margin-top: var(--_space);
  }
`;
