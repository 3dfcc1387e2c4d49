/** The forum's views by route: the read path's own elements, and the lazy ones loaded when their route shows. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Category, Community } from '../../sdk/types.ts';
import { loadAdmin, loadAgentConsole, loadAgentMetrics, loadComposer, loadIncidentBanner, loadInbox, loadPeoplePages, loadPreferences, loadSearch } from '../internal/lazy.ts';
import type { Links, Route } from '../internal/router.ts';
import type { Translation } from '../translations/translation.ts';

interface ViewContext {
  t: Translation;
  links: Links;
  /** The new-question view, which needs the forum's session and community. */
  newThread: (categoryId: number) => TemplateResult;
}

export function renderView(route: Route, { t, links, newThread }: ViewContext): TemplateResult {
  switch (route.name) {
    case 'categories':
      // The forum's own slots, passed on: a brand's empty states written inside <entraide-forum>.
      return html`<entraide-category-list><slot name="categories-empty" slot="empty"></slot></entraide-category-list>`;
    case 'category':
      return html`<entraide-thread-list category-id=${route.categoryId} .cursor=${route.cursor}><slot name="threads-empty" slot="empty"></slot></entraide-thread-list>`;
    case 'agent':
      void loadAgentConsole();
      void loadAgentMetrics();
      return html`<entraide-agent-console></entraide-agent-console>`;
    case 'admin':
      void loadAdmin();
      return html`<entraide-admin></entraide-admin>`;
    case 'inbox':
      void loadInbox();
      return html`<entraide-inbox conversation-id=${route.conversationId ?? 0}></entraide-inbox>`;
    case 'preferences':
      void loadPreferences();
      return html`<entraide-preferences></entraide-preferences>`;
    case 'search':
      void loadSearch();
      // Its FAQ cards follow the forum's links, `faq-href-template` included.
      return html`<entraide-search query=${route.query}></entraide-search>`;
    case 'thread':
      return html`<entraide-thread thread-id=${route.threadId} post-id=${route.postId ?? nothing}></entraide-thread>`;
    case 'new-thread':
      return newThread(route.categoryId);
    case 'member':
      void loadPeoplePages();
      return html`<entraide-profile member-id=${route.memberId}></entraide-profile>`;
    case 'faq':
      void loadPeoplePages();
      return html`<entraide-faq-article slug=${route.slug}></entraide-faq-article>`;
    case 'not-found':
      return html`
        <h2 tabindex="-1">${t.pageNotFound}</h2>
        <p><a href=${links.href({ name: 'categories' })}>${t.backToCategories}</a></p>
      `;
  }
}

/** A category named by its slug (`/c/reseau-5g`) once the community says which it is; unknown: not found. */
export function resolveRoute(route: Route, community: Community | undefined): Route {
  if (route.name !== 'category' || route.categoryId || !route.slug || !community) return route;
  const category = community.categories.find((c) => c.slug === route.slug);
  return category ? { ...route, categoryId: category.id } : { name: 'not-found', path: `/c/${route.slug}` };
}

interface NewThreadContext {
  t: Translation;
  links: Links;
  categoryId: number;
  category: Category | undefined;
  /** Whether the reader may ask (core's rule); a guest is offered to sign in. */
  mayAsk: boolean;
  faqHrefTemplate: string;
  requestSignIn: () => void;
}

/** The new-question view: the form, or the invitation to sign in first. */
export function renderNewThread({ t, links, categoryId, category, mayAsk, faqHrefTemplate, requestSignIn }: NewThreadContext): TemplateResult {
  const backText = category ? t.backToCategory(category.name) : t.backToCategories;
  const back = html`<p><a href=${links.href({ name: 'category', categoryId, slug: category?.slug })}>${backText}</a></p>`;
  if (!mayAsk) {
    return html`
      ${back}
      <h2 tabindex="-1">${t.newQuestionHeading}</h2>
      <button class="button" type="button" @click=${requestSignIn}>${t.signInToAsk}</button>
    `;
  }
  void loadComposer();
  return html`
    ${back}
    <h2 tabindex="-1">${t.newQuestionHeading}</h2>
    <entraide-composer mode="thread" category-id=${categoryId} faq-href-template=${faqHrefTemplate || nothing}></entraide-composer>
  `;
}

/** Declared outages (study §11): on every view, those of the category (or thread) read and of the reader's region. */
export function renderIncidents(route: Route): TemplateResult {
  void loadIncidentBanner();
  const categoryId = route.name === 'category' || route.name === 'new-thread' ? route.categoryId : 0;
  const threadId = route.name === 'thread' ? route.threadId : 0;
  return html`<entraide-incident-banner part="incidents" category-id=${categoryId} thread-id=${threadId}></entraide-incident-banner>`;
}

/** After navigation, keyboard and screen-reader users start at the new view's heading. */
export async function focusView(forum: HTMLElement & { updateComplete: Promise<unknown>; renderRoot: ParentNode }): Promise<void> {
  await forum.updateComplete;
  const view = forum.renderRoot.querySelector<HTMLElement>('.view');
  const child = view?.firstElementChild as (HTMLElement & { updateComplete?: Promise<unknown> }) | null | undefined;
  await child?.updateComplete;
  const heading = child?.shadowRoot?.querySelector<HTMLElement>('[part~="heading"]') ?? view?.querySelector<HTMLElement>('h2');
  (heading ?? view)?.focus();
}
