// @ts-check
/**
 * The page script of browser.html: plain ES module, typed through JSDoc against the SDK's
 * declarations. Text only ever reaches the page through `textContent` (no HTML strings), which
 * also keeps it valid under Trusted Types.
 */
import { createEntraideClient, EntraideError } from './entraide-sdk.min.js';

/** @typedef {import('../../src/sdk/index.ts').EntraideClient} EntraideClient */

/** @type {EntraideClient} */
const client = createEntraideClient({ baseUrl: '/api' });
const locale = navigator.language.startsWith('fr') ? 'fr' : 'en';

/** @param {string} id */
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** @param {HTMLElement} list @param {string[]} lines */
function fill(list, lines) {
  list.replaceChildren(...lines.map((line) => Object.assign(document.createElement('li'), { textContent: line })));
}

const controller = new AbortController();
addEventListener('pagehide', () => controller.abort());

try {
  const community = await client.community.get({ locale }, { signal: controller.signal });
  byId('community').textContent = community.name;
  const categories = await client.categories.list({ locale }, { signal: controller.signal });
  fill(byId('categories'), categories.map((c) => `${c.name} — ${c.threadCount} threads`));
  const first = categories[0];
  if (first) {
    byId('threads-title').textContent = `Latest threads in ${first.name}`;
    const { items } = await client.threads.list({ categoryId: first.id, limit: 10 }, { signal: controller.signal });
    fill(byId('threads'), items.map((t) => `[${t.status}] ${t.title} — ${t.author.pseudonym}, ${t.replyCount} replies`));
  }
} catch (error) {
  const message = error instanceof EntraideError ? `${error.code}: ${error.message}` : String(error);
  Object.assign(byId('error'), { hidden: false, textContent: message });
}
