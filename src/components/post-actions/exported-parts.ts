/**
 * The actions bar's parts as `<entraide-post>` (its host) exports them, so that pages style them
 * through `entraide-post::part(…)`: its `base` as `actions-bar`, its `message` as
 * `action-message`, the others by their own name. The bar sets it on itself when connected.
 */
export const EXPORTED_PARTS = [
  'base: actions-bar', 'message: action-message', 'kudos', 'kudos-count', 'sign-in', 'accept', 'quote', 'flag', 'flag-form', 'flag-reasons',
  'flag-note', 'flag-send', 'flag-cancel', 'conversation-link', 'edited', 'share', 'edit', 'history', 'delete', 'delete-confirm',
  'delete-reason', 'delete-yes', 'delete-cancel', 'manual-link',
].join(', ');
