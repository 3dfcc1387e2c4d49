import { css } from 'lit';

export default css`
  :host {
    display: block;
    /* A post's usual height with its gap, until post-pages.ts measures it (on the list and the "more" box). */
    --_post-height: calc(var(--_space) * 25.5);
  }

  .back {
    display: inline-block;
    margin-bottom: var(--_space);
  }

  .top {
    display: grid;
    gap: var(--_space);
    margin-bottom: calc(var(--_space) * 2);
  }

  h2 {
    margin: 0;
    font-size: 1.375em;
    overflow-wrap: anywhere;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    color: var(--_color-muted);
    font-size: 0.875em;
  }

  ol {
    display: grid;
    /* minmax(0, …): a post never widens the column past the thread's own width. */
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space) * 1.5);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .reply {
    margin-top: calc(var(--_space) * 3);
    padding-top: calc(var(--_space) * 2);
    border-top: 1px solid var(--_color-border);
  }

  h3 {
    margin: 0 0 var(--_space);
    font-size: 1.125em;
  }

  .notice {
    margin: 0;
    color: var(--_color-muted);
  }

  .solution {
    margin-bottom: calc(var(--_space) * 2);
  }

  /* Posts far off screen skip layout and paint: long threads scroll smoothly. */
  ol > li {
    content-visibility: auto;
    /* Block size only: a remembered inline size would keep a desktop width after the page narrows. */
    contain-intrinsic-block-size: auto calc(var(--_post-height) - var(--_space) * 1.5);
  }

  /*
   * The last post is laid out for real: what follows the list (the reply prompt, "show more") sits
   * where it belongs from the start, never under a longer post than the estimate (touch targets).
   */
  ol > li:last-child {
    content-visibility: visible;
  }

  .more {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--_space);
    /* Padding, not margin: the next page's room, a min-height set by post-pages.ts, counts it. */
    box-sizing: border-box;
    padding-top: calc(var(--_space) * 2);
  }

  /* The room shows where the posts will come: one grey block per post, as tall as a usual one. */
  .room {
    flex: 1;
    align-self: stretch;
    border-radius: var(--_radius);
    background: repeating-linear-gradient(var(--_color-surface-alt) 0 calc(var(--_post-height) - var(--_space) * 1.5), transparent 0 var(--_post-height));
  }
`;
