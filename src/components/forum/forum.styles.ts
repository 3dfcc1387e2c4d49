import { css } from 'lit';

export default css`
  :host {
    display: block;
    color-scheme: light dark;
    container-type: inline-size;
  }

  :host([theme='light']) {
    color-scheme: light;
  }

  :host([theme='dark']) {
    color-scheme: dark;
  }

  .base {
    min-width: 0;
    background: var(--_color-surface);
    color: var(--_color-text);
  }

  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 2);
    border-bottom: 1px solid var(--_color-border);
    background: var(--_color-surface-alt);
  }

  .community {
    font-size: 1.125em;
    font-weight: 700;
    color: var(--_color-text);
    text-decoration: none;
  }

  .community:hover {
    text-decoration: underline;
  }

  /* The search link sits after the name, the account at the far end. */
  .search-link {
    margin-inline-start: auto;
  }

  .member {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    font-weight: 600;
  }

  .notice {
    margin: 0;
    padding: var(--_space) calc(var(--_space) * 2);
    color: var(--_color-muted);
  }

  .session-ended {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    color: var(--_color-text);
    background: var(--_color-surface-alt);
    border-block-end: 1px solid var(--_color-border);
  }

  .view {
    padding: calc(var(--_space) * 2);
  }

  .view:focus {
    outline: none;
  }

  .view h2 {
    margin: 0 0 calc(var(--_space) * 2);
    font-size: 1.375em;
  }

  @container (max-width: 30rem) {
    .view {
      padding: var(--_space);
    }
  }
`;
