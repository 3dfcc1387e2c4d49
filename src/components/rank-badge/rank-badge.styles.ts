import { css } from 'lit';

export default css`
  :host {
    --_band-color: var(--entraide-rank-color-1, light-dark(#4f5868, #aab2c0));
    display: inline-flex;
    vertical-align: middle;
  }

  :host([band='2']) {
    --_band-color: var(--entraide-rank-color-2, light-dark(#1e6b34, #8fd9a0));
  }

  :host([band='3']) {
    --_band-color: var(--entraide-rank-color-3, light-dark(#0a58ca, #8ab4ff));
  }

  :host([band='4']) {
    --_band-color: var(--entraide-rank-color-4, light-dark(#8a4b00, #ffc46b));
  }

  .badge {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    padding: 0 calc(var(--_space) * 0.75) 0 0;
    border: 1px solid var(--_band-color);
    border-radius: 999px;
    color: var(--_band-color);
    font-size: 0.8125em;
    font-weight: 600;
    line-height: 1.6;
    white-space: nowrap;
  }

  .level {
    min-width: 1.6em;
    padding: 0 0.35em;
    border-radius: 999px;
    background: var(--_band-color);
    color: var(--_color-surface);
    text-align: center;
  }
`;
