/**
 * The Write/Preview editor of both composers (the member's and the advisor's): the tabs and the
 * preview panel, which shows the body with the post's own rules (../internal/body.styles.ts).
 */
import { css } from 'lit';

export const editor = css`
  /* Write/Preview: the label on the left, the tabs on the right, wrapping on narrow screens. */
  .editor-head {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: var(--_space);
  }

  .tabs {
    display: flex;
  }

  [role='tab'] {
    min-height: 2.75rem; /* a 44 px touch target */
    padding: 0 calc(var(--_space) * 1.5);
    border: 1px solid var(--_color-border);
    background: var(--_color-surface-alt);
    color: var(--_color-text);
    font: inherit;
    cursor: pointer;
  }

  [role='tab']:first-child {
    border-start-start-radius: var(--_radius);
    border-end-start-radius: var(--_radius);
  }

  [role='tab']:last-child {
    border-start-end-radius: var(--_radius);
    border-end-end-radius: var(--_radius);
  }

  [role='tab'][aria-selected='true'] {
    background: var(--_color-surface);
    border-color: var(--_color-accent);
    box-shadow: inset 0 -3px 0 var(--_color-accent);
    font-weight: 600;
  }

  .preview {
    min-height: 8rem;
    padding: var(--_space);
    border: 1px dashed var(--_color-border);
    border-radius: var(--_radius);
  }

  .preview-state {
    margin: 0;
    color: var(--_color-muted);
  }
`;
