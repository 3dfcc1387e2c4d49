/**
 * A post body as the server renders it (markdown → sanitized HTML): the post shows it, and the
 * composers' Preview shows the same rules, so the preview is what the public will see.
 */
import { css } from 'lit';

export const postBody = css`
  .body {
    overflow-wrap: anywhere;
  }

  .body > :first-child {
    margin-top: 0;
  }

  .body > :last-child {
    margin-bottom: 0;
  }

  .body pre {
    overflow-x: auto;
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_color-surface-alt);
  }

  .body blockquote {
    margin-inline: 0;
    padding-inline-start: calc(var(--_space) * 1.5);
    border-inline-start: 3px solid var(--_color-border);
    color: var(--_color-muted);
  }

  .body table {
    display: block;
    overflow-x: auto;
    border-collapse: collapse;
  }

  .body th,
  .body td {
    padding: calc(var(--_space) / 2) var(--_space);
    border: 1px solid var(--_color-border);
  }
`;
