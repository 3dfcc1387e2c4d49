import { css } from 'lit';

/**
 * The theme contract. Public `--entraide-*` properties are read once, here, into private
 * `--_*` ones that element styles use. Defaults use `light-dark()`, so the inherited
 * `color-scheme` (set by the forum's `theme` attribute, or the page) picks light or dark.
 * Colour pairs keep a contrast of at least 4.5:1 in both schemes. Custom properties inherit
 * through shadow roots: a server writes these in the forum's only (`EntraideElement.rendersTheme`).
 */
export const themeProperties = css`
  :host {
    --_color-text: var(--entraide-color-text, light-dark(#1b2230, #e7eaf0));
    --_color-muted: var(--entraide-color-muted, light-dark(#4f5868, #aab2c0));
    --_color-surface: var(--entraide-color-surface, light-dark(#ffffff, #151a23));
    --_color-surface-alt: var(--entraide-color-surface-alt, light-dark(#f3f5f8, #1f2531));
    --_color-border: var(--entraide-color-border, light-dark(#c9cfd8, #3a4252));
    --_color-accent: var(--entraide-color-accent, light-dark(#0a58ca, #8ab4ff));
    --_color-on-accent: var(--entraide-color-on-accent, light-dark(#ffffff, #0b1220));
    --_color-advisor: var(--entraide-color-advisor, light-dark(#7a2e8e, #e0a6f0));
    --_color-advisor-surface: var(--entraide-color-advisor-surface, light-dark(#f8effb, #2a1f31));
    --_color-danger: var(--entraide-color-danger, light-dark(#b3261e, #ffb4ab));
    --_color-success: var(--entraide-color-success, light-dark(#1e6b34, #8fd9a0));
    --_color-focus: var(--entraide-color-focus, light-dark(#0a58ca, #8ab4ff));
    --_font-family: var(--entraide-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--entraide-font-size, 1rem);
    --_radius: var(--entraide-radius, 0.5rem);
    --_space: var(--entraide-spacing, 0.5rem);
  }
`;

/** Every element's host: the theme's properties, its font and colour, and `hidden`. */
export const tokens = [
  themeProperties,
  css`
    :host {
      font-family: var(--_font-family);
      font-size: var(--_font-size);
      color: var(--_color-text);
      line-height: 1.5;
    }

    :host([hidden]) {
      display: none !important;
    }
  `,
];

/** What every element needs: box sizing, links, the focus ring, visually hidden text. */
export const basics = css`
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  a {
    color: var(--_color-accent);
  }

  :focus-visible {
    outline: 3px solid var(--_color-focus);
    outline-offset: 2px;
    border-radius: 2px;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/** Controls most elements share, over the basics: buttons, button-like links, state blocks. */
export const controls = css`
  ${basics}

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space);
    min-height: 2.75rem; /* a 44 px touch target */
    padding: 0 calc(var(--_space) * 2);
    border: 1px solid var(--_color-accent);
    border-radius: var(--_radius);
    background: var(--_color-accent);
    color: var(--_color-on-accent);
    font: inherit;
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
  }

  .button.secondary {
    background: transparent;
    color: var(--_color-accent);
  }

  .button:disabled {
    opacity: 0.6;
    cursor: progress;
  }

  .state {
    padding: calc(var(--_space) * 2);
    border-radius: var(--_radius);
    background: var(--_color-surface-alt);
    color: var(--_color-muted);
  }

  .state.error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    color: var(--_color-danger);
  }
`;

/** Status chips of threads, shared by the list and the thread page. */
export const statusChip = css`
  .status {
    display: inline-block;
    padding: 0 var(--_space);
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.8125em;
    font-weight: 600;
    white-space: nowrap;
    color: var(--_color-muted);
  }

  .status.answered {
    color: var(--_color-accent);
  }

  .status.solved {
    color: var(--_color-success);
  }
`;
