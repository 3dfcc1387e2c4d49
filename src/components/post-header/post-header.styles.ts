import { css } from 'lit';

/** The element's host; the header itself is styled by `postHeaderStyles` (`./post-header.view.ts`), which posts share. */
export default css`
  :host {
    display: block;
  }
`;
