import { provide } from '@lit/context';
import { Task } from '@lit/task';
import { html, isServer, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { can, pickLocale, threadRules, type Locale } from '../../core/index.ts';
import { isEntraideError, type EntraideClient } from '../../sdk/index.ts';
import type { Community } from '../../sdk/types.ts';
import { createElementClient } from '../internal/clients.ts';
import '../category-list/category-list.ts';
import { EntraideNavigateEvent } from '../events/navigate.ts';
import { EntraideSessionEndedEvent } from '../events/session-ended.ts';
import { EntraideSignInRequestedEvent, type SignInReason } from '../events/sign-in-requested.ts';
import { readChosenLocale } from '../internal/chosen-locale.ts';
import { forgetCommunity, loadCommunity, primeCommunity } from '../internal/community.ts';
import { MinuteClock } from '../internal/clock.ts';
import { setFixedDates } from '../internal/format.ts';
import { readSeedIsland, seedContext, type ForumSeed } from '../internal/seed.ts';
import { loadDrafts, loadSessionEnded } from '../internal/lazy.ts';
import type { EntraideAskRequestedEvent } from '../events/ask-requested.ts';
import { GUEST, actorOf, clientContext, hashLinks, linksContext, localeContext, rankNamesContext, sessionContext, type SessionState } from '../internal/context.ts';
import { EntraideElement, nearestLang, whenHydrated } from '../internal/entraide-element.ts';
import { createRouter, type Links, type Router } from '../internal/router.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import '../thread-list/thread-list.ts';
import '../thread/thread.ts';
import styles from './forum.styles.ts';
import { renderForumHeader } from './forum-header.ts';
import { focusView, renderIncidents, renderNewThread, renderView, resolveRoute } from './forum-views.ts';
import type { renderSessionEnded } from './session-ended.ts';

/**
 * @summary The whole forum in one element: categories → questions → thread, with sign-in
 * handed to the host page. Provides the API client, the session and the locale to every
 * Entraide element inside it.
 *
 * @tag entraide-forum
 *
 * @csspart base - The forum's outer box.
 * @csspart header - The bar with the community name and the account.
 * @csspart community-name - The community name, linking to the categories.
 * @csspart search-link - The link to forum and FAQ search.
 * @csspart language - `<entraide-language-switcher>`, when the community offers more than one language.
 * @csspart agent-link - Staff only: the link to the advisors' workspace.
 * @csspart admin-link - Admins only: the link to the community's administration.
 * @csspart preferences-link - Signed-in members: the link to their own preferences.
 * @csspart notifications - Signed-in members: `<entraide-notifications>`, the bell.
 * @csspart inbox-link - Signed-in members: the link to their private messages (`#/inbox`).
 * @csspart member - The signed-in member's pseudonym and status.
 * @csspart sign-in - The "Sign in" button.
 * @csspart session-ended - The notice that the API refused the reader's token (they read on as a guest).
 * @csspart sign-in-again - Its "Sign in again" button.
 * @csspart incidents - The `<entraide-incident-banner>` of declared outages.
 * @csspart view - The box around the current view.
 *
 * @slot header - The brand's own content in the forum's header bar, after the search link (a logo, a link to its help pages).
 * @slot sign-in - Replaces the guest's "Sign in" button (e.g. a link to the brand's own sign-in page).
 * @slot categories-empty - The brand's own empty state for a community without categories (the category list's `empty`).
 * @slot threads-empty - The brand's own empty state for a category without threads (the thread list's `empty`).
 *
 * @cssprop [--entraide-color-text] - Text colour.
 * @cssprop [--entraide-color-muted] - Secondary text colour.
 * @cssprop [--entraide-color-surface] - Background colour.
 * @cssprop [--entraide-color-surface-alt] - Background of bars, states and code.
 * @cssprop [--entraide-color-border] - Borders.
 * @cssprop [--entraide-color-accent] - Links and primary buttons.
 * @cssprop [--entraide-color-on-accent] - Text on primary buttons.
 * @cssprop [--entraide-color-advisor] - Advisor badges and post borders.
 * @cssprop [--entraide-color-advisor-surface] - Background of advisor posts.
 * @cssprop [--entraide-color-danger] - Errors.
 * @cssprop [--entraide-color-success] - "Solved" chips.
 * @cssprop [--entraide-color-focus] - Focus rings.
 * @cssprop [--entraide-font-family=system-ui] - Font.
 * @cssprop [--entraide-font-size=1rem] - Base font size.
 * @cssprop [--entraide-radius=0.5rem] - Corner radius.
 * @cssprop [--entraide-spacing=0.5rem] - Spacing unit.
 *
 * @fires {EntraideSignInRequestedEvent} entraide-sign-in-requested - The reader chose "Sign in".
 * Call `preventDefault()` when the page handles it, then `setToken()`.
 * @fires {EntraideNavigateEvent} entraide-navigate - The forum shows another view.
 * @fires {EntraideSessionEndedEvent} entraide-session-ended - The API refused the token and no
 * fresh one came: the forum reads on as a guest. Drop the token the page kept.
 */
export class EntraideForum extends EntraideElement {
  static override styles = [tokens, controls, styles];

  /** Base URL of the Entraide API. */
  @property() api = '/api';

  /** Language of the forum; defaults to the nearest `lang`, then French. The reader's choice in the switcher (remembered) wins. */
  @property() locale: Locale | undefined = undefined;

  /** Route with clean paths under this base (History API) instead of the URL hash. */
  @property({ attribute: 'base-path' }) basePath: string | undefined = undefined;

  /** Address of an FAQ article on the brand's site, `{slug}` replaced (e.g. `/aide/{slug}`): every FAQ card and link then leads there instead of the forum's own FAQ page. */
  @property({ attribute: 'faq-href-template' }) faqHrefTemplate = '';

  /**
   * A server-rendered page's seed: the `id` of the `<script type="application/json">` the server
   * wrote after the forum. The forum shows what the server rendered, then the reader's own view.
   */
  @property({ attribute: 'seed-from' }) seedFrom = '';

  /** What the page was rendered from (the server sets it; the browser reads `seed-from`); shared with the elements inside. */
  @provide({ context: seedContext }) @property({ attribute: false }) seed: ForumSeed | undefined = undefined;

  /** Forces the light or dark theme; by default the reader's system setting decides. */
  @property({ reflect: true }) theme: 'light' | 'dark' | undefined = undefined;

  /**
   * Optional: called once when the API refuses the current token (expired, or the server's keys
   * changed); a new token keeps the session, none ends it (the forum then says so and reads on
   * as a guest).
   */
  @property({ attribute: false }) refreshToken: (() => string | undefined | Promise<string | undefined>) | undefined = undefined;

  // @provide shares a value; @state also re-renders the forum when it changes.
  /** The SDK client every element inside uses; rebuilt when `api` changes. */
  @provide({ context: clientContext }) @state() client: EntraideClient = this.#createClient('/api');
  /** Who is signed in; change it with `setToken()`. */
  @provide({ context: sessionContext }) @state() session: SessionState = GUEST;
  /** The language given to the elements inside (from `locale`, else the nearest `lang`). */
  @provide({ context: localeContext }) @state() protected providedLocale: Locale = 'fr';
  /** The ladder's names in the reader's language, for every rank badge inside. */
  @provide({ context: rankNamesContext }) @state() protected rankNames: readonly string[] = [];
  /** How the elements inside write links, following the routing mode. */
  @provide({ context: linksContext }) @state() protected links: Links = hashLinks;

  /** The reader's choice in the language switcher (remembered in localStorage). */
  @state() protected chosenLocale = readChosenLocale();
  @state() protected signInUnavailable = false;
  /** The API refused the token the page gave: say so, and offer to sign in again. */
  @state() protected sessionEnded = false;
  /** The notice saying so, once its chunk is here. */
  @state() protected sessionEndedNotice: typeof renderSessionEnded | undefined = undefined;

  #router: Router | undefined;
  #token: string | undefined;
  #clientApi = '/api';
  #sessionRequest = 0;
  /** The route shown before ('' before the first): focus moves on navigation, not on the first view nor between searches. */
  #lastRoute = '';
  #refreshing: Promise<string | undefined> | undefined;
  /** The notice's chunk loading, so that `setToken()` resolves with the notice shown. */
  #noticeLoading: Promise<void> | undefined;
  /** Set while hydrating a server-rendered page: the reader's own language waits until it is done. */
  #hydrating: { chosenLocale: Locale | undefined } | undefined;

  readonly #community = new Task(this, {
    args: () => [this.client, this.resolvedLocale] as const,
    task: ([client, locale], { signal }) => loadCommunity(client, locale, signal),
    onComplete: (community) => void (this.rankNames = community.rankNames),
  });

  constructor() {
    super();
    this.addEventListener('entraide-thread-created', (event) => {
      forgetCommunity(this.client);
      this.#router?.go({ name: 'thread', threadId: event.detail.thread.id, title: event.detail.thread.title }, { replace: true });
    });
    this.addEventListener('entraide-reply-sent', () => forgetCommunity(this.client));
    this.addEventListener('entraide-ask-requested', (event) => this.#onAskRequested(event));
    // Searched words go into the URL (Back, shared links); a chosen language (stored by the switcher) shows at once.
    this.addEventListener('entraide-searched', ({ detail: { query, replace } }) => this.#router?.route.name === 'search' && this.#router.go({ name: 'search', query }, { replace }));
    this.addEventListener('entraide-locale-chosen', (event) => void (this.chosenLocale = event.detail.locale));
  }

  override connectedCallback(): void {
    // A shadow root before the first render is the server's (declarative shadow DOM): hydrate it as it was rendered.
    if (!isServer && this.shadowRoot && !this.hasUpdated) this.#startHydration();
    super.connectedCallback();
  }

  /**
   * The first render must be the server's, exactly: its seed, its language, fixed dates. The
   * reader's own view (their language, relative times, and their session when the page gives
   * a token) follows once it is done.
   */
  #startHydration(): void {
    this.seed ??= this.seedFrom ? readSeedIsland(this.seedFrom) : undefined;
    if (!this.seed) return;
    this.#hydrating = { chosenLocale: this.chosenLocale };
    this.chosenLocale = undefined;
    setFixedDates(true);
  }

  protected override firstUpdated(): void {
    const hydrating = this.#hydrating;
    if (!hydrating) return;
    this.#hydrating = undefined;
    // The elements inside hydrate in the tasks that follow this one.
    void whenHydrated().then(() => {
      setFixedDates(false);
      MinuteClock.tick();
      if (hydrating.chosenLocale) this.chosenLocale = hydrating.chosenLocale;
    });
  }

  /** The community: loaded, or the page's seed in its language. */
  get #communityValue(): Community | undefined {
    return this.#community.value ?? (this.seed?.locale === this.resolvedLocale ? this.seed.community : undefined);
  }

  override get resolvedLocale(): Locale {
    return pickLocale(this.chosenLocale ?? this.locale ?? nearestLang(this));
  }

  /**
   * Signs a member in (the page's own sign-in gave it a token) or out (no token), then asks
   * the API who the token names. A rejected token (401) ends the session, and the forum says so.
   */
  async setToken(token?: string): Promise<void> {
    this.#token = token || undefined;
    this.sessionEnded = false;
    this.#ensureClient();
    this.client.setToken(this.#token);
    const request = ++this.#sessionRequest;
    if (!this.#token) {
      this.session = GUEST;
      return;
    }
    try {
      const { member } = await this.client.session.get();
      if (request === this.#sessionRequest) this.session = member ? { member, token: this.#token } : GUEST;
    } catch (error) {
      if (request !== this.#sessionRequest) return;
      // Only a 401 proves the token bad; after a network failure it is kept for the next try.
      if (isEntraideError(error) && error.status === 401) {
        this.#token = undefined;
        this.client.setToken(undefined);
      }
      this.session = GUEST;
    }
    await this.#noticeLoading;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api')) this.#ensureClient();
    // A seed (the page's island, or set by the host page): the elements reading the community send no request for it.
    if (changed.has('seed') && this.seed) primeCommunity(this.client, this.seed.locale, this.seed.community);
    if (!this.#router || changed.has('basePath')) this.#useRouter();
    // A choice made on another community of the same site counts only where it is offered.
    if (this.chosenLocale && this.#communityValue?.locales.includes(this.chosenLocale) === false) this.chosenLocale = undefined;
    this.providedLocale = this.resolvedLocale;
    if (!this.rankNames.length && this.#communityValue) this.rankNames = this.#communityValue.rankNames;
  }

  /** One client per API address, keeping the token across a change of address. */
  #ensureClient(): void {
    if (this.#clientApi === this.api) return;
    this.#clientApi = this.api;
    this.client = this.#createClient(this.api);
  }

  #createClient(baseUrl: string): EntraideClient {
    return createElementClient({
      baseUrl,
      // A token refused after it was replaced (two requests refused, one after the refresh): the current one, without asking the page again.
      getToken: ({ refresh, refused }) => (refresh && refused === this.#token ? this.#refreshedToken() : this.#token),
      onTokenRejected: ({ token }) => this.#endSession(token),
    });
  }

  /** One refresh at a time, however many requests were refused together. */
  #refreshedToken(): Promise<string | undefined> | undefined {
    const refresh = this.refreshToken;
    if (!refresh) return undefined;
    this.#refreshing ??= Promise.resolve()
      .then(refresh)
      .then((token) => {
        // No token: the refused one stays until the client reports it (#endSession).
        if (!token) return undefined;
        this.#token = token;
        this.client.setToken(token);
        if (this.session.member) this.session = { ...this.session, token };
        return token;
      }, () => undefined)
      .finally(() => (this.#refreshing = undefined));
    return this.#refreshing;
  }

  /** The API refused the token and no fresh one came: a guest from now on, told so. */
  #endSession(token: string): void {
    // A late answer about a token the page has since replaced or dropped changes nothing.
    if (token !== this.#token) return;
    this.#token = undefined;
    this.session = GUEST;
    this.sessionEnded = true;
    // Offline, the chunk may not come: the forum still reads on as a guest.
    this.#noticeLoading ??= loadSessionEnded().then((notice) => void (this.sessionEndedNotice = notice.renderSessionEnded), () => undefined);
    this.emit(new EntraideSessionEndedEvent());
  }

  #useRouter(): void {
    if (this.#router) {
      this.#router.hostDisconnected?.();
      this.removeController(this.#router);
    }
    const router = createRouter(this, { basePath: this.basePath, onChange: () => this.#onRouteChange(), serverPath: this.seed?.path, language: () => this.#pageLanguage() });
    this.#router = router;
    // `faq-href-template` is read when a link is written: every FAQ link then leads to the brand's page (a slug needs no escaping).
    this.links = { href: (route) => (route.name === 'faq' && this.faqHrefTemplate ? this.faqHrefTemplate.replaceAll('{slug}', route.slug) : router.href(route)) };
    // Adding a controller to a connected host connects it at once, which reads the URL.
    this.addController(router);
  }

  /**
   * A rendered page's language when it is not the community's default: its links keep `?lang=`,
   * so that a reader without JavaScript stays in it (the server reads the page's language there).
   */
  #pageLanguage(): Locale | undefined {
    const fallback = this.#communityValue?.locale;
    return this.seed && fallback && this.resolvedLocale !== fallback ? this.resolvedLocale : undefined;
  }

  #onRouteChange(): void {
    const router = this.#router;
    if (!router) return;
    this.signInUnavailable = false;
    this.emit(new EntraideNavigateEvent({ route: router.route, href: router.href(router.route) }));
    // Moving focus on the first view would steal it from the host page, and between searches from the search box.
    if (this.#lastRoute && !(router.route.name === 'search' && this.#lastRoute === 'search')) void focusView(this);
    this.#lastRoute = router.route.name;
  }

  protected override render() {
    const route = resolveRoute(this.#router?.route ?? { name: 'categories' }, this.#communityValue);
    return html`
      <section class="base" part="base" lang=${this.providedLocale} aria-label=${this.t.forumLabel}>
        ${this.#renderHeader()}
        ${renderIncidents(route)}
        <div class="view" part="view" tabindex="-1">${renderView(route, { t: this.t, links: this.links, newThread: (categoryId) => this.#newThreadView(categoryId) })}</div>
      </section>
    `;
  }

  #renderHeader() {
    return renderForumHeader({
      t: this.t, links: this.links, member: this.session.member, locale: this.providedLocale,
      communityName: this.#communityValue?.name, locales: this.#communityValue?.locales ?? [],
      signInUnavailable: this.signInUnavailable, sessionEnded: this.sessionEnded ? this.sessionEndedNotice : undefined,
      requestSignIn: (reason) => this.#requestSignIn(reason),
    });
  }

  #newThreadView(categoryId: number) {
    const category = this.#communityValue?.categories.find((c) => c.id === categoryId);
    const mayAsk = can(actorOf(this.session), threadRules.startThread);
    return renderNewThread({ t: this.t, links: this.links, categoryId, category, mayAsk, faqHrefTemplate: this.faqHrefTemplate, requestSignIn: () => this.#requestSignIn('new-thread') });
  }

  /** "Ask a question" from an empty search: the new-question form, its title already the searched words. */
  #onAskRequested(event: EntraideAskRequestedEvent): void {
    const { query, categoryId } = event.detail;
    const target = categoryId ?? this.#communityValue?.categories[0]?.id;
    if (!target) return;
    event.preventDefault();
    // Drafts come with the composer: the view it opens loads them anyway. The draft is written
    // before the form reads it; without it (offline), the form just opens empty.
    void loadDrafts()
      .then(({ draftKey, loadDraft, saveDraft }) => {
        const key = draftKey('thread', target);
        if (!loadDraft(key)) saveDraft(key, { title: query, body: '' });
      })
      .catch(() => undefined)
      .then(() => this.#router?.go({ name: 'new-thread', categoryId: target }));
  }

  #requestSignIn(reason: SignInReason): void {
    this.signInUnavailable = this.emit(new EntraideSignInRequestedEvent({ reason }));
  }
}

EntraideForum.define('entraide-forum');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-forum': EntraideForum;
  }
}
