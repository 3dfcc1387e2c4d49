/** What `<entraide-faq-link>` knows of the article the reader opened. */
export interface FaqArticleLink {
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly categoryId?: number | null;
}

/**
 * A reader opened a FAQ article card. With an `href-template`, not canceling lets the link
 * go there; calling `preventDefault()` keeps the reader on the page (the host shows the
 * article itself, in a dialog for instance). Without a template, the host decides alone.
 */
export class EntraideFaqOpenedEvent extends Event {
  static readonly type = 'entraide-faq-opened';
  readonly detail: { readonly article: FaqArticleLink; readonly href: string | null };

  constructor(detail: { article: FaqArticleLink; href: string | null }) {
    super(EntraideFaqOpenedEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'entraide-faq-opened': EntraideFaqOpenedEvent;
  }
}
