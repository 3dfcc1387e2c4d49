import { css } from 'lit';

/** The element's host; the pill itself is styled by `rankBadgeStyles` (`./rank-badge.view.ts`), which inline badges share. */
export default css`
  :host {
    display: inline-flex;
    vertical-align: middle;
  }
`;
