/**
 * What the advisor composer loads around the text: FAQ articles that may answer the thread,
 * the community's signature rendered as it will appear, and advisors on duty (a colleague may
 * have helped without writing in the thread). Each part fails on its own: the form still works.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FaqHit, ThreadSummary } from '../../sdk/types.ts';
import type { Locale } from '../../core/index.ts';
import type { EntraideClient } from '../../sdk/index.ts';
import type { Colleague } from './credits.ts';
import '../internal/staff-client.ts';

export type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error' };

const SUGGEST_MAX = 500;

export class AssistController implements ReactiveController {
  faq: Loaded<FaqHit[]> = { status: 'loading' };
  /** Sanitized HTML from the server's renderer; empty when the community has no signature. */
  signature: Loaded<string> = { status: 'loading' };
  /** Advisors on duty now; empty when the team view is unavailable. */
  onDuty: Colleague[] = [];
  /** Every advisor of the team, on duty or not: a draft may go to whoever knows the subject. */
  team: Colleague[] = [];
  /** The jargon list the community's admin set; undefined = core's default list. */
  jargon: string[] | undefined;
  readonly #host: ReactiveControllerHost;
  #abort: AbortController | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
  }

  /** Loads everything for `thread`; a newer call drops the results of an older one. */
  load(client: EntraideClient, thread: ThreadSummary): void {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.faq = { status: 'loading' };
    this.signature = { status: 'loading' };
    const signal = abort.signal;
    const apply = (change: () => void) => {
      if (signal.aborted) return;
      change();
      this.#host.requestUpdate();
    };
    const text = `${thread.title}\n${thread.excerpt}`.slice(0, SUGGEST_MAX);
    // Articles in the thread's language: the reply links them for its readers.
    client.faq.suggest({ text, locale: thread.locale, categoryId: thread.categoryId }, { signal }).then(
      ({ articles }) => apply(() => (this.faq = { status: 'ready', value: articles })),
      () => apply(() => (this.faq = { status: 'error' })),
    );
    // The signature in the thread's language: the one readers will see under this reply.
    this.#loadSignature(client, thread.locale, signal).then(
      (html) => apply(() => (this.signature = { status: 'ready', value: html })),
      () => apply(() => (this.signature = { status: 'error' })),
    );
    client.agent.teamNow({}, { signal }).then(
      (now) => apply(() => (this.onDuty = now.categories.flatMap((category) => category.advisors))),
      () => apply(() => (this.onDuty = [])),
    );
    client.agent.teamPlans({ signal }).then(
      ({ items }) => apply(() => (this.team = items.map(({ advisor }) => ({ id: advisor.id, pseudonym: advisor.pseudonym })))),
      () => apply(() => (this.team = [])),
    );
  }

  async #loadSignature(client: EntraideClient, locale: Locale, signal: AbortSignal): Promise<string> {
    const { advisorSignature, jargon } = await client.community.get({ locale }, { signal });
    this.jargon = jargon ?? undefined;
    if (!advisorSignature.trim()) return '';
    const { html } = await client.posts.preview({ body: advisorSignature }, { signal });
    return html;
  }
}
