/**
 * "Maybe already answered": while a question's title is typed, FAQ articles and solved threads
 * close to it (study §11, §20, §32: customers learn to search first, readers with the same
 * problem need not post again). Debounced, one request at a time: a newer keystroke aborts the
 * request in flight, and an answer to an older text is never shown. Failures stay silent: the
 * suggestions help, they must never stand between a customer and their question.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { FaqHit, SearchHit } from '../../sdk/types.ts';
import type { Locale } from '../../core/index.ts';
import type { EntraideClient } from '../../sdk/index.ts';
import type { Links } from '../internal/router.ts';
import type { Translation } from '../translations/translation.ts';
import '../internal/staff-client.ts';

export const DEFLECTION_DELAY_MS = 400;
const SHOWN = 3;
/** How much of the body joins the title: enough to disambiguate, little enough to stay fast. */
const BODY_START = 280;

/** Worth asking about: three words or twelve characters of title. */
export function titleIsAskable(title: string): boolean {
  const text = title.trim();
  return text.length >= 12 || text.split(/\s+/).filter(Boolean).length >= 3;
}

export interface DeflectionInput {
  client: EntraideClient;
  title: string;
  body: string;
  locale: Locale;
  categoryId: number;
}

export class DeflectionController implements ReactiveController {
  articles: FaqHit[] = [];
  threads: SearchHit[] = [];
  dismissed = false;
  readonly #host: ReactiveControllerHost;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #abort: AbortController | undefined;
  /** The text the shown suggestions answer, so an unchanged title asks nothing again. */
  #asked = '';

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  get visible(): boolean {
    return !this.dismissed && this.articles.length + this.threads.length > 0;
  }

  hostDisconnected(): void {
    this.#stop();
  }

  /** Call on every title (or body) change; asks after a pause in typing. */
  schedule(input: DeflectionInput): void {
    if (this.dismissed) return;
    clearTimeout(this.#timer);
    if (!titleIsAskable(input.title)) {
      this.#stop();
      this.#show([], [], '');
      return;
    }
    this.#timer = setTimeout(() => void this.#ask(input), DEFLECTION_DELAY_MS);
  }

  dismiss(): void {
    this.dismissed = true;
    this.#stop();
    this.#host.requestUpdate();
  }

  /** After the question was posted: a fresh start for the next one. */
  reset(): void {
    this.#stop();
    this.dismissed = false;
    this.#show([], [], '');
  }

  async #ask({ client, title, body, locale, categoryId }: DeflectionInput): Promise<void> {
    const text = `${title.trim()}\n${body.slice(0, BODY_START)}`.trim();
    this.#abort?.abort();
    if (text === this.#asked) return;
    const abort = new AbortController();
    this.#abort = abort;
    try {
      const found = await client.faq.suggest({ text, locale, ...(categoryId > 0 ? { categoryId } : {}) }, { signal: abort.signal });
      if (abort.signal.aborted || this.dismissed) return;
      this.#show(found.articles.slice(0, SHOWN), found.threads.slice(0, SHOWN), text);
    } catch {
      // Aborted by newer typing, or the suggestions are unavailable: the composer works on.
    }
  }

  #stop(): void {
    clearTimeout(this.#timer);
    this.#abort?.abort();
    this.#abort = undefined;
  }

  #show(articles: FaqHit[], threads: SearchHit[], asked: string): void {
    const changed = articles.length + threads.length + this.articles.length + this.threads.length > 0;
    this.articles = articles;
    this.threads = threads;
    this.#asked = asked;
    if (changed) this.#host.requestUpdate();
  }
}

/** `{slug}` in the brand's FAQ address template (as `<entraide-faq-link href-template>`); none, no link. */
export function faqHref(template: string, slug: string): string | undefined {
  return template ? template.replaceAll('{slug}', encodeURIComponent(slug)) : undefined;
}

export function renderDeflection(t: Translation, deflection: DeflectionController, links: Links, faqTemplate: string, dismiss: () => void) {
  const count = deflection.visible ? deflection.articles.length + deflection.threads.length : 0;
  return html`
    <p class="visually-hidden" role="status">${count ? t.deflectionFound(count) : ''}</p>
    ${count
      ? html`
          <section class="deflection" part="suggestions" aria-labelledby="deflection-heading">
            <div class="deflection-head">
              <h3 id="deflection-heading">${t.deflectionHeading}</h3>
              <button class="dismiss" part="dismiss" type="button" @click=${dismiss}>${t.deflectionDismiss}</button>
            </div>
            <p class="hint">${t.deflectionIntro}</p>
            ${renderGroup(t.deflectionFaq, deflection.articles.map((hit) => renderArticle(hit, faqTemplate)))}
            ${renderGroup(t.deflectionThreads, deflection.threads.map((hit) => html`
              <li part="suggestion"><a href=${links.href({ name: 'thread', threadId: hit.thread.id, title: hit.thread.title })}>${hit.thread.title}</a></li>
            `))}
          </section>
        `
      : nothing}
  `;
}

function renderGroup(heading: string, items: unknown[]) {
  if (!items.length) return nothing;
  return html`<h4>${heading}</h4><ul>${items}</ul>`;
}

/**
 * An article as `<entraide-faq-link>`'s card when the page has that element (it is not imported
 * here: the composer stays a small chunk of its own), else a plain link with the summary.
 */
function renderArticle(hit: FaqHit, template: string) {
  if (customElements.get('entraide-faq-link')) {
    const article = { slug: hit.slug, title: hit.title, summary: hit.summary, categoryId: hit.categoryId };
    return html`<li part="suggestion"><entraide-faq-link .article=${article} href-template=${template}></entraide-faq-link></li>`;
  }
  const href = faqHref(template, hit.slug);
  const title = href ? html`<a href=${href}>${hit.title}</a>` : html`<strong>${hit.title}</strong>`;
  return html`<li part="suggestion">${title}${hit.summary ? html`<span class="summary">${hit.summary}</span>` : nothing}</li>`;
}
