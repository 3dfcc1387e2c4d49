import { css } from 'lit';

/** One card per trusted member; the grant form's fields stack, so 360 px is enough. */
export default css`
  :host {
    display: block;
  }

  h3,
  h4 {
    margin: 0 0 var(--_space);
  }

  .help {
    margin: 0 0 var(--_space);
    color: var(--_color-muted);
  }

  .members,
  .powers,
  [role='listbox'] {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .members {
    display: grid;
    gap: var(--_space);
    margin-bottom: var(--_space);
  }

  .member {
    padding: var(--_space);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }

  .who,
  .since {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .pseudonym {
    font-weight: 600;
  }

  .rank,
  .since {
    color: var(--_color-muted);
  }

  .powers {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin-top: var(--_space);
  }

  .powers li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }

  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin-top: var(--_space);
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_color-surface-alt);
  }

  .confirm p {
    flex: 1 1 100%;
    margin: 0;
  }

  .button.danger {
    border-color: var(--_color-danger);
    background: var(--_color-danger);
    color: var(--_color-surface);
  }

  .grant {
    display: grid;
    gap: var(--_space);
    max-width: 28rem;
    margin-top: calc(var(--_space) * 2);
  }

  .combobox,
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }

  [role='listbox'] {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }

  [role='option'] {
    padding: calc(var(--_space) * 0.75) var(--_space);
    cursor: pointer;
    overflow-wrap: anywhere;
  }

  [role='option'][aria-selected='true'] {
    outline: 3px solid var(--_color-focus);
    outline-offset: -3px;
    background: var(--_color-surface-alt);
  }

  .found,
  .help.found {
    margin: 0;
  }

  .problem {
    margin: 0;
    color: var(--_color-danger);
  }

  .status {
    margin: 0 0 var(--_space);
    color: var(--_color-success);
  }

  .status[data-failed] {
    color: var(--_color-danger);
  }

  /* Live regions stay in the page when empty (one shown only when it speaks may go unheard). */
  .status:empty,
  .found:empty {
    margin: 0;
  }

  .grant .button {
    justify-self: start;
  }
`;
