/**
 * The CDN file's autoloader: an `entraide-*` tag that no loaded module has registered, in the
 * page or inserted later, loads the chunk that registers it (`./autoload-map.ts`, generated from
 * the elements). So `<entraide-search>` alone in a page works from `entraide.min.js`. The map is a
 * chunk of its own, fetched only when such a tag shows up: the read path does not carry it.
 */
const PREFIX = 'entraide-';
const requested = new Set<string>();
const watched = new WeakSet<Node>();
let observer: MutationObserver | undefined;

function register(tag: string): void {
  if (requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  // A tag no element has (a typo) loads the map and nothing else.
  void import('./autoload-map.ts').then(({ elementChunks }) => elementChunks[tag]?.());
}

/**
 * Looks at `root` and everything under it, open shadow roots included (a brand's own elements may
 * hold ours): Entraide's shadow roots are skipped, since each element loads what it renders.
 */
function discover(root: Node): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    if (!(node instanceof Element)) continue;
    if (node.localName.startsWith(PREFIX)) register(node.localName);
    else if (node.shadowRoot) watch(node.shadowRoot);
  }
}

function watch(root: Document | ShadowRoot): void {
  if (watched.has(root)) return;
  watched.add(root);
  observer ??= new MutationObserver((records) => records.forEach((record) => record.addedNodes.forEach(discover)));
  observer.observe(root, { childList: true, subtree: true });
  discover(root);
}

/**
 * Starts watching the document. `root` adds a shadow root attached after its host was seen
 * (the autoloader finds the open ones present when their host enters the page by itself).
 */
export function autoload(root: Document | ShadowRoot = document): void {
  watch(root);
}
