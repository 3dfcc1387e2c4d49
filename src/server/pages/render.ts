/**
 * The forum rendered on the server by the same elements the browser runs (`entraide/ssr`, a
 * Node build of `src/components`), with Lit SSR: declarative shadow DOM the browser paints
 * with no script, then hydrates. Only `entraide-*` elements get their `connectedCallback` on the
 * server (context needs it); a brand's own elements are left as they are.
 */
import type { ForumPage, ForumSeed } from '../../contract/index.ts';

/** What `entraide/ssr` (`src/components/ssr.ts`, built for Node) exports. */
interface SsrModule {
  /** Resolves once every language's strings are loaded. */
  ready: Promise<void>;
  forumTemplate: (seed: ForumSeed, page: ForumPage) => unknown;
  /** The theme's private properties, written in the forum's shadow root only (the others inherit them). */
  themeCss: string;
}

interface Renderer {
  render: (template: unknown) => Promise<string>;
  module: SsrModule;
}

let loading: Promise<Renderer> | undefined;

/**
 * Lit SSR and the elements' Node build, loaded once, when pages are on: both are optional peers of
 * `entraide-server` (an API-only server installs no front end). A clear error when either is missing.
 */
function elements(): Promise<Renderer> {
  loading ??= (async () => {
    const [{ renderThunked }, { LitElementRenderer }, { collectResult }] = await Promise.all([
      import('@lit-labs/ssr'), import('@lit-labs/ssr/lib/lit-element-renderer.js'), import('@lit-labs/ssr/lib/render-result.js'),
    ]).catch((error: unknown) => {
      throw new Error('Server-rendered pages need @lit-labs/ssr and entraide installed beside entraide-server.', { cause: error });
    });
    LitElementRenderer.renderOptions.push((element: HTMLElement) => (element.localName.startsWith('entraide-') ? { connectedCallback: true } : undefined));
    // A package self-reference: `entraide/ssr` is `dist/ssr/entraide-ssr.js` (`npm run build:web`).
    const specifier = 'entraide/ssr';
    const module = (await import(specifier).catch((error: unknown) => {
      throw new Error('Server-rendered pages need the elements\' Node build: run `npm run build:web` (it writes dist/ssr).', { cause: error });
    })) as SsrModule;
    await module.ready;
    writeThemeOnce(LitElementRenderer.prototype, module.themeCss);
    return { module, render: (template) => collectResult(renderThunked(template)) };
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** What Lit SSR's element renderer writes in a shadow root: `<style>`, each style's text, `</style>`, then the template. */
interface ShadowWriter {
  element: HTMLElement;
  renderShadow: (this: ShadowWriter, renderInfo: never) => unknown[] | undefined;
}

/**
 * Every element but the forum leaves the theme's properties out of its shadow root's `<style>`:
 * they inherit them from the forum's (a 50-post thread: 229 KB less HTML, a quarter).
 */
function writeThemeOnce(renderer: ShadowWriter, themeCss: string): void {
  const renderShadow = renderer.renderShadow;
  renderer.renderShadow = function (renderInfo) {
    const parts = renderShadow.call(this, renderInfo);
    return this.element.localName === 'entraide-forum' ? parts : parts?.filter((part) => part !== themeCss);
  };
}

/** Starts loading the elements (at startup), so that the first page does not wait for them. */
export function preloadElements(): Promise<void> {
  return elements().then(() => undefined);
}

/** The forum's HTML for `seed`, ready to put in a page. */
export async function renderForum(seed: ForumSeed, page: ForumPage): Promise<string> {
  const { module, render } = await elements();
  return render(module.forumTemplate(seed, page));
}
