/**
 * The elements for server rendering (`entraide/ssr`, a Node build): the read path, and the
 * elements a guest's page shows that the browser loads later as chunks (post actions, "same
 * problem here", confirmation credits, the FAQ article, the language switcher), defined at once
 * so that their markup is in the server's HTML. The server renders `forumTemplate(seed)` with
 * `@lit-labs/ssr`; the browser hydrates it with `dist/entraide-ssr.min.js` (`./hydrate.ts`).
 */
import { html } from 'lit';
import './index.ts';
import './incident-banner/incident-banner.ts';
import './internal/interactions.ts';
import './internal/people-pages.ts';
import './language-switcher/language-switcher.ts';
import { renderConfirmation } from './post/confirmation.ts';
import { setConfirmationRenderer } from './post/post.ts';
import type { ForumPage, ForumSeed } from '../sdk/types.ts';
import { loadTranslation } from './translations/index.ts';
import { LOCALES } from '../core/index.ts';
import { themeProperties } from './internal/shared.styles.ts';


setConfirmationRenderer(renderConfirmation);

/** Every language's strings, loaded once before the first render (a server renders in any of them). */
export const ready: Promise<void> = Promise.all(LOCALES.map((locale) => loadTranslation(locale))).then(() => undefined);

/** The forum as a server renders it: the same element the browser hydrates, given its seed. */
export function forumTemplate(seed: ForumSeed, page: ForumPage) {
  return html`<entraide-forum api=${page.api} base-path=${page.basePath || '/'} locale=${seed.locale} seed-from=${page.seedFrom} .seed=${seed}></entraide-forum>`;
}

/**
 * The theme's private properties as every element's styles hold them. Custom properties inherit
 * through shadow roots: a server writes them in the forum's shadow root only, not again in each
 * of the 200 shadow roots of a 50-post thread (hydration keeps the server's styles).
 */
export const themeCss: string = themeProperties.cssText;
