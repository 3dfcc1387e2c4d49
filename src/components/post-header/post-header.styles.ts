import { css } from 'lit';

export default css`
  :host {
    --_avatar-size: var(--entraide-avatar-size, 2.5rem);
    display: block;
  }

  .header {
    display: grid;
    grid-template-columns: var(--_avatar-size) minmax(0, 1fr);
    gap: 0 calc(var(--_space) * 1.5);
    align-items: start;
  }

  .avatar {
    grid-row: span 3;
    display: grid;
    place-items: center;
    width: var(--_avatar-size);
    height: var(--_avatar-size);
    border-radius: 50%;
    background: var(--_color-surface-alt);
    border: 1px solid var(--_color-border);
    color: var(--_color-text);
    font-weight: 700;
    font-size: 0.9em;
  }

  :host([advisor]) .avatar {
    background: var(--_color-advisor);
    border-color: var(--_color-advisor);
    color: var(--_color-surface);
  }

  .identity {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2) var(--_space);
    min-width: 0;
  }

  .pseudonym {
    font-weight: 700;
    overflow-wrap: anywhere;
  }

  .role {
    padding: 0 var(--_space);
    border-radius: var(--_radius);
    background: var(--_color-advisor);
    color: var(--_color-surface);
    font-size: 0.8125em;
    font-weight: 600;
  }

  .meta,
  .posted {
    color: var(--_color-muted);
    font-size: 0.875em;
  }

  .meta span + span::before {
    content: ' · ';
  }
`;
