/**
 * The CDN file's autoloader: an `entraide-*` tag that no loaded module has registered, in the
 * page or inserted later, loads the chunk that registers it (`./autoload-map.ts`, generated from
 * the elements). So `<entraide-search>` alone in a page works from `entraide.min.js`. The map is a
 * chunk of its own, fetched only when such a tag shows up: the read path carries only this file,
 * written short for its budget. A tag seen twice imports twice: the browser's module map answers.
 */
const watched = new WeakSet<Node>();
const observer = new MutationObserver((records) => records.forEach((record) => record.addedNodes.forEach(discover)));

/**
 * Looks at `root` and every element under it, open shadow roots included (a brand's own elements
 * may hold ours): Entraide's shadow roots are skipped, since each element loads what it renders.
 */
function discover(root: Node): void {
  const walker = document.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let node: Node | null = root; node; node = walker.nextNode()) {
    // A document, shadow root or text node has no localName.
    const { localName = '', shadowRoot } = node as Partial<Element>;
    // A tag no element has (a typo) loads the map and nothing else.
    if (localName.startsWith('entraide-')) void (customElements.get(localName) || import('./autoload-map.ts').then(({ elementChunks }) => elementChunks[localName]?.()));
    else if (shadowRoot) autoload(shadowRoot);
  }
}

/**
 * Watches `root` (the document, from the CDN file) and what enters it. Call it for a shadow root
 * attached after its host entered the page: the open ones present by then are found by themselves.
 */
export function autoload(root: Document | ShadowRoot): void {
  if (watched.has(root)) return;
  watched.add(root);
  observer.observe(root, { childList: true, subtree: true });
  discover(root);
}
