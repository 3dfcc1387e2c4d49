/**
 * The base of every Entraide element: a define-once registration helper, the locale (from
 * the forum's context, else the nearest `lang`, else French) kept reactive, its strings loaded
 * before the element renders in it, and a typed event helper.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, isServer, type PropertyValues } from 'lit';
import { pickLocale, type Locale } from '../../core/index.ts';
import { hasTranslation, loadTranslation, translationFor, type Translation } from '../translations/index.ts';
import { localeContext } from './context.ts';

/** Elements that follow `lang` rather than a provided locale; one observer serves them all. */
const followingLang = new Set<EntraideElement>();
let langObserver: MutationObserver | undefined;

function watchLang(element: EntraideElement): void {
  // A server render has no document to watch, and must not keep its elements alive.
  if (isServer) return;
  followingLang.add(element);
  if (langObserver) return;
  langObserver = new MutationObserver(() => followingLang.forEach((el) => el.requestUpdate()));
  langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

/**
 * Elements hydrating a server-rendered page. Each one's first update waits for a task of its own:
 * a 50-post thread then hydrates in many short tasks instead of one long one, and the page
 * answers the reader meanwhile (Total Blocking Time).
 */
const hydrating = new Set<EntraideElement>();
let onHydrated: Array<() => void> = [];

export function nextTask(): Promise<void> {
  const { scheduler } = globalThis as { scheduler?: { yield?: () => Promise<void> } };
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve));
}

/** `element` hydrated (or left the page first): the waiters are told once none is left. */
function doneHydrating(element: EntraideElement): void {
  hydrating.delete(element);
  if (hydrating.size) return;
  const waiting = onHydrated;
  onHydrated = [];
  waiting.forEach((resolve) => resolve());
}

/** Resolves once every element of the server's page that has connected so far has hydrated. */
export function whenHydrated(): Promise<void> {
  return hydrating.size ? new Promise((resolve) => onHydrated.push(resolve)) : Promise.resolve();
}

/**
 * How `define` registers a tag: at once, unless a rendered page's entry spreads its elements'
 * definitions over tasks (`./define-in-turn.ts`, which only that entry loads).
 */
export const definitions = { run: (define: () => void): void => define() };

/** The nearest `lang` attribute, looking through shadow roots up to the document. */
export function nearestLang(node: Node): string | null {
  // On the server, the forum is always given its locale: there is no tree to look up.
  if (isServer) return null;
  let current: Node | null = node;
  while (current) {
    if (current instanceof Element && current.hasAttribute('lang')) return current.getAttribute('lang');
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return null;
}

export class EntraideElement extends LitElement {
  /** Registers the element under `tag` unless that name is already taken (two bundles on one page). */
  static define(tag: string, registry: CustomElementRegistry = customElements): void {
    definitions.run(() => registry.get(tag) || registry.define(tag, this));
  }

  #providedLocale: Locale | undefined;

  constructor() {
    super();
    new ContextConsumer(this, {
      context: localeContext,
      subscribe: true,
      callback: (locale) => {
        this.#providedLocale = locale;
        this.requestUpdate();
      },
    });
  }

  /** Its parent's hydration removed `defer-hydration`: it connects in a task of its own. */
  #connectWaiting = false;

  override connectedCallback(): void {
    this.#connectWaiting = false;
    // A shadow root before the first render is the server's (declarative shadow DOM).
    if (!isServer && this.shadowRoot && !this.hasUpdated) hydrating.add(this);
    super.connectedCallback();
    watchLang(this);
  }

  /**
   * A server-rendered element inside another's shadow root waits with `defer-hydration` until its
   * parent hydrates and removes it. Lit's hydration support then connects it through LitElement's
   * own connectedCallback, skipping ours, and at once: a 50-post thread connected and hydrated its
   * posts, headers and badges in one task of 640 ms (CPU 4×). Here each connects, through its own
   * connectedCallback, in a task of its own, then hydrates in another.
   */
  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name !== 'defer-hydration' || value !== null) return super.attributeChangedCallback(name, old, value);
    this.#connectWaiting = true;
    hydrating.add(this);
    void nextTask().then(() => {
      if (this.#connectWaiting && this.isConnected && !this.hasAttribute('defer-hydration')) this.connectedCallback();
      else if (!this.isConnected) doneHydrating(this);
    });
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    return hydrating.has(this) ? this.#hydrateInTurn() : super.scheduleUpdate();
  }

  async #hydrateInTurn(): Promise<void> {
    await nextTask();
    await super.scheduleUpdate();
    // Not hydrated yet while its strings load (`shouldUpdate`): it waits its turn again then.
    if (this.hasUpdated) doneHydrating(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    followingLang.delete(this);
  }

  /**
   * Renders once the strings of its language are here (only French ships in the entry): no
   * flash of another language. The changes waiting meanwhile are replayed after the load.
   */
  protected override shouldUpdate(changed: PropertyValues): boolean {
    const locale = this.resolvedLocale;
    if (hasTranslation(locale)) return super.shouldUpdate(changed);
    const waiting = new Map(changed);
    void loadTranslation(locale).then(
      () => {
        for (const [name, oldValue] of waiting) this.requestUpdate(name, oldValue);
        this.requestUpdate();
      },
      // Offline: the next update tries the load again.
      () => undefined,
    );
    return false;
  }

  /** `updateComplete` waits for the strings too, so that the first render is really done. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const locale = this.resolvedLocale;
    if (hasTranslation(locale)) return done;
    await loadTranslation(locale);
    return super.getUpdateComplete();
  }

  /** The language this element renders in. */
  get resolvedLocale(): Locale {
    return this.#providedLocale ?? pickLocale(nearestLang(this));
  }

  /** The strings of `resolvedLocale`. */
  protected get t(): Translation {
    return translationFor(this.resolvedLocale);
  }

  /** Dispatches a typed event; returns false when a listener called `preventDefault()`. */
  protected emit<E extends Event>(event: E): boolean {
    return this.dispatchEvent(event);
  }
}
