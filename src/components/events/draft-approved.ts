import type { Draft } from '../../sdk/types.ts';

/**
 * An advisor approved the wording of a draft a colleague shared with them (study §44, §52).
 * `draft` is the server's new draft, the approval in its `sharedWith`; the author can now post
 * it and credit the colleague as "assisted by".
 */
export class EntraideDraftApprovedEvent extends Event {
  static readonly type = 'entraide-draft-approved';
  readonly detail: { readonly draft: Draft };

  constructor(detail: { draft: Draft }) {
    super(EntraideDraftApprovedEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'entraide-draft-approved': EntraideDraftApprovedEvent;
  }
}
