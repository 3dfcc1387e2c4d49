import { css } from 'lit';

export default css`
  :host {
    display: block;
  }

  h2 {
    margin: 0 0 var(--_space);
  }
`;
