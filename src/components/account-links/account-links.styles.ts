import { css } from 'lit';

export default css`
  /* Its links and the bell are the header's own flex items (they wrap with it on a phone). */
  :host {
    display: contents;
  }

  nav {
    display: contents;
  }

  /* Unread conversations on the "Messages" link. */
  .count {
    display: inline-block;
    min-width: 1.25em;
    margin-inline-start: 0.3em;
    padding: 0 0.35em;
    border-radius: 999px;
    background: var(--_color-accent);
    color: var(--_color-on-accent);
    font-size: 0.75em;
    font-weight: 700;
    line-height: 1.5;
    text-align: center;
  }
`;
