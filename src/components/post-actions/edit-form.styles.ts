import { css } from 'lit';

/** What the edit form and the history panel add to the flag form's look (./flag-form.styles.ts). */
export default css`
  textarea {
    min-height: 8rem;
    resize: vertical;
  }

  textarea[aria-invalid='true'],
  input[aria-invalid='true'] {
    border-color: var(--_color-danger);
  }

  .hint,
  .meta {
    margin: 0;
    color: var(--_color-muted);
    font-size: 0.875em;
  }

  .under {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space);
  }

  h3 {
    margin: 0;
    font-size: 1em;
  }

  .revisions {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .revision {
    padding: var(--_space);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    overflow-wrap: anywhere;
  }
`;
