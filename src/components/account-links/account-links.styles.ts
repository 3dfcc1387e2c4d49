import { css } from 'lit';

export default css`
  /* Its links and the bell are the header's own flex items (they wrap with it on a phone). */
  :host {
    display: contents;
  }

  nav {
    display: contents;
  }
`;
