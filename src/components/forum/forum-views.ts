/** The forum's views by route: the read path's own elements, and the lazy ones loaded when their route shows. */
import { html, nothing, type TemplateResult } from 'lit';
import { loadAdmin, loadAgentConsole, loadAgentMetrics, loadInbox, loadPeoplePages, loadPreferences, loadSearch } from '../internal/lazy.ts';
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
      return html`<entraide-category-list></entraide-category-list>`;
    case 'category':
      return html`<entraide-thread-list category-id=${route.categoryId}></entraide-thread-list>`;
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
