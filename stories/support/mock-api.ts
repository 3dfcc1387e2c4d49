/**
 * msw in Storybook: one service worker for the whole preview, and the demo community behind it
 * (`createMockForum`: the server's own domain code over PGlite). The database opens once per
 * preview page (the first story pays for it) and is put back as loaded at each story, so a
 * story's writes never leak into the next one and switching stories does not reload it.
 *
 * A story says what it needs in `parameters.entraide` (latency, failures, who is signed in, the
 * forum's route, a setup of the community); extra raw msw handlers go in `parameters.msw` and win
 * over the mock community's. The loader's result reaches the story as `context.loaded.api`.
 */
import type { Loader } from '@storybook/web-components-vite';
import { http, type HttpHandler } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { draftKey, saveDraft } from '../../src/components/internal/drafts.ts';
import type { Author } from '../../src/contract/models.ts';
import { createMockForum, type MockForum, type MockForumOptions } from '../../src/mocks/index.ts';
import { createEntraideClient, type EntraideClient } from '../../src/sdk/index.ts';
import { categoriesOf, demoPicks, type DemoPicks } from './demo.ts';

/** What a story may ask of its community before it renders: the loader's answer so far. */
export interface StorySetupContext {
  forum: MockForum;
  /** Threads, categories and people of the demo community chosen by what they show (see demo.ts). */
  demo: DemoPicks;
  /** The SDK signed in as a member of the demo community (by pseudonym, see `DEMO_PEOPLE`). */
  as: (pseudonym: string) => Promise<EntraideClient>;
  /** The SDK as a guest, for reads. */
  reader: EntraideClient;
}

type Resolvable<T> = T | ((setup: StorySetupContext) => T | Promise<T>);

export interface EntraideStoryParameters {
  /** Latency and failures (keyed by contract route name) of the mock community; default: none. */
  mock?: Pick<MockForumOptions, 'latency' | 'failures'>;
  /**
   * Sign in as this member of the demo community (a pseudonym, see `DEMO_PEOPLE`); default: a
   * guest. `null` makes a guest where the meta signs someone in (Storybook's parameter merge
   * ignores `undefined`).
   */
  signedInAs?: Resolvable<string | null | undefined>;
  /** Hash route for `<entraide-forum>` stories, e.g. `({ demo }) => \`/threads/${demo.threads.solved}\``; default: the categories. */
  route?: Resolvable<string>;
  /** A draft left from an earlier visit (composer `mode` and its category or thread id). */
  draft?: Resolvable<{ mode: 'thread' | 'reply'; id: number; title?: string; body: string }>;
  /**
   * The state the story shows, written before it renders (SQL on `forum.db`, or the SDK as a
   * member), and what the render needs read beforehand (its answer becomes `loaded.api.data`).
   * Runs with no latency and no failure: those apply to the story only.
   */
  setup?: (setup: StorySetupContext, args: Record<string, unknown>) => Promise<unknown>;
}

/** What every story receives in `context.loaded.api`. */
export interface MockApi extends StorySetupContext {
  /** Bearer token of `signedInAs`, when set. */
  token: string | undefined;
  member: Author | null;
  /** What the story's `setup` answered. */
  data: unknown;
}

/** A latency that never ends within a story: the loading state stays on screen. */
export const FOREVER = 2_000_000_000;

let worker: SetupWorker | undefined;
let showing: MockApi | undefined;

/** Whether the story of `api` is still the one on screen: timers a story starts must not write into the next story's community. */
export const stillShowing = (api: MockApi): boolean => showing === api;
let started: Promise<unknown> | undefined;

function startWorker(): Promise<unknown> {
  worker ??= setupWorker();
  // The worker script is served at the preview's root by `staticDirs` (see .storybook/main.ts).
  started ??= worker.start({ quiet: true, onUnhandledFrame: 'bypass', serviceWorker: { url: './mockServiceWorker.js' } });
  return started;
}

/** Drafts live in localStorage: each story starts with none but its own, whatever ran before. */
function resetDrafts(draft: { mode: 'thread' | 'reply'; id: number; title?: string; body: string } | undefined): void {
  const prefix = draftKey('reply', 0).slice(0, -'reply:0'.length);
  for (const key of Object.keys(localStorage)) if (key.startsWith(prefix)) localStorage.removeItem(key);
  if (draft) saveDraft(draftKey(draft.mode, draft.id), { title: draft.title ?? '', body: draft.body });
}

const resolve = async <T>(value: Resolvable<T>, setup: StorySetupContext): Promise<T> =>
  typeof value === 'function' ? (value as (setup: StorySetupContext) => T | Promise<T>)(setup) : value;

/**
 * The story's latency, in front of the mock community's handlers: it delays and then falls
 * through (msw goes on to the next handler when a resolver returns nothing). Off while the
 * loader prepares the story, so setup and sign-in never wait for a loading state's "forever".
 */
function latencyHandler(latency: MockForumOptions['latency'], active: () => boolean): HttpHandler[] {
  if (!latency) return [];
  const [min, max] = Array.isArray(latency) ? latency : [latency, latency];
  return [http.all('/api/*', async () => {
    if (!active()) return undefined;
    await new Promise((done) => setTimeout(done, min + Math.random() * (max - min)));
    return undefined;
  })];
}

export const mockApiLoader: Loader = async (context) => {
  const parameters = (context.parameters.entraide ?? {}) as EntraideStoryParameters;
  const extra = (context.parameters.msw ?? []) as HttpHandler[];
  showing = undefined;
  await startWorker();
  // No failure yet: the live table gets the story's once its setup is done.
  const forum = await createMockForum();
  let storyStarted = false;
  worker!.resetHandlers(...extra, ...latencyHandler(parameters.mock?.latency, () => storyStarted), ...forum.handlers);
  const as = async (pseudonym: string) => createEntraideClient({ baseUrl: '/api', token: (await forum.member(pseudonym)).token, retry: false });
  const reader = createEntraideClient({ baseUrl: '/api', retry: false });
  const setup: StorySetupContext = { forum, demo: await demoPicks(forum), as, reader };
  const data = await parameters.setup?.(setup, context.args);
  // A setup may add categories: read them again.
  if (parameters.setup) setup.demo.categories = await categoriesOf(forum);
  const route = parameters.route === undefined ? undefined : await resolve(parameters.route, setup);
  // Hash routing: each story starts on its own route, also when the preview iframe is reused.
  history.replaceState(null, '', `${location.pathname}${location.search}${route ? `#${route}` : ''}`);
  resetDrafts(parameters.draft === undefined ? undefined : await resolve(parameters.draft, setup));
  const pseudonym = parameters.signedInAs === undefined ? undefined : await resolve(parameters.signedInAs, setup);
  const token = pseudonym ? (await forum.member(pseudonym)).token : undefined;
  // The member as the server describes them (rank, team, counts), read through the SDK like the forum does.
  const member = token ? (await createEntraideClient({ baseUrl: '/api', token, retry: false }).session.get()).member : null;
  Object.assign(forum.failures, parameters.mock?.failures);
  storyStarted = true;
  const api: MockApi = { ...setup, token, member, data };
  showing = api;
  return { api };
};
