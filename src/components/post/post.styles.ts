import { css } from 'lit';

export default css`
  :host {
    display: block;
  }

  article {
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }

  :host([advisor]) article {
    border-color: var(--_color-advisor);
    border-inline-start-width: 4px;
    background: var(--_color-advisor-surface);
  }

  :host([kind='trace']) article {
    border-style: dashed;
    background: var(--_color-surface-alt);
  }

  :host([deleted]) article {
    border-style: dashed;
    background: var(--_color-surface-alt);
  }

  .tombstone {
    margin: var(--_space) 0 0;
    color: var(--_color-muted);
    font-style: italic;
  }

  :host([accepted]) article {
    border-color: var(--_color-success);
    border-inline-start-width: 4px;
  }

  .kind.accepted {
    color: var(--_color-success);
  }

  .credits {
    margin-top: calc(var(--_space) * 1.5);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    font-size: 0.9375em;
  }

  .credits p {
    margin: 0.25em 0;
  }

  .credits entraide-community-reply {
    margin-block: var(--_space);
  }

  .actions {
    margin-top: calc(var(--_space) * 1.5);
    padding-top: var(--_space);
    border-top: 1px solid var(--_color-border);
  }

  article:focus {
    outline: none;
  }

  article:focus-visible {
    outline: 3px solid var(--_color-focus);
  }

  .signature {
    margin-top: calc(var(--_space) * 1.5);
    padding-top: var(--_space);
    border-top: 1px dashed var(--_color-border);
    color: var(--_color-muted);
    font-size: 0.875em;
    font-style: italic;
  }

  .signature > :first-child,
  .signature > :last-child {
    margin: 0;
  }

  .kind {
    margin: 0 0 var(--_space);
    color: var(--_color-muted);
    font-size: 0.8125em;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }

  /* The body's own rules are shared with the composers' preview: ../internal/body.styles.ts. */
  .body {
    margin-top: calc(var(--_space) * 1.5);
  }
`;
