/**
 * msw in Storybook: one service worker for the whole preview, and a fresh mock community
 * (`createMockForum`) for every story, so a story's writes never leak into the next one.
 *
 * A story says what it needs in `parameters.entraide` (latency, failures, fixtures, who is
 * signed in, the forum's route); extra raw msw handlers go in `parameters.msw` and win over the
 * mock community's. The loader's result reaches the story as `context.loaded`.
 */
import type { Loader } from '@storybook/web-components-vite';
import type { HttpHandler } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { draftKey, saveDraft } from '../../src/components/internal/drafts.ts';
import type { Author } from '../../src/contract/models.ts';
import { createMockForum, type MockForum, type MockForumOptions } from '../../src/mocks/index.ts';

export interface EntraideStoryParameters {
  /** Options of `createMockForum` (latency, failures, fixtures); default: the sample community, no delay. */
  mock?: MockForumOptions;
  /** Sign in as this member of the mock community (see `MEMBERS`); default: a guest. */
  signedInAs?: number;
  /** Hash route for `<entraide-forum>` stories, e.g. `/threads/1`; default: the categories. */
  route?: string;
  /** A draft left from an earlier visit (composer `mode` and its category or thread id). */
  draft?: { mode: 'thread' | 'reply'; id: number; title?: string; body: string };
}

/** What every story receives in `context.loaded`. */
export interface MockApi {
  forum: MockForum;
  /** Bearer token of `signedInAs`, when set. */
  token: string | undefined;
  member: Author | null;
}

/** A latency that never ends within a story: the loading state stays on screen. */
export const FOREVER = 2_000_000_000;

let worker: SetupWorker | undefined;
let started: Promise<unknown> | undefined;

function startWorker(): Promise<unknown> {
  worker ??= setupWorker();
  // The worker script is served at the preview's root by `staticDirs` (see .storybook/main.ts).
  started ??= worker.start({ quiet: true, onUnhandledFrame: 'bypass', serviceWorker: { url: './mockServiceWorker.js' } });
  return started;
}

/** Drafts live in localStorage: each story starts with none but its own, whatever ran before. */
function resetDrafts(draft: EntraideStoryParameters['draft']): void {
  const prefix = draftKey('reply', 0).slice(0, -'reply:0'.length);
  for (const key of Object.keys(localStorage)) if (key.startsWith(prefix)) localStorage.removeItem(key);
  if (draft) saveDraft(draftKey(draft.mode, draft.id), { title: draft.title ?? '', body: draft.body });
}

export const mockApiLoader: Loader = async (context) => {
  const parameters = (context.parameters.entraide ?? {}) as EntraideStoryParameters;
  const extra = (context.parameters.msw ?? []) as HttpHandler[];
  const forum = createMockForum(parameters.mock);
  await startWorker();
  worker!.resetHandlers(...extra, ...forum.handlers);
  // Hash routing: each story starts on its own route, also when the preview iframe is reused.
  history.replaceState(null, '', `${location.pathname}${location.search}${parameters.route ? `#${parameters.route}` : ''}`);
  resetDrafts(parameters.draft);
  const token = parameters.signedInAs ? forum.store.tokenFor(parameters.signedInAs) : undefined;
  const member = parameters.signedInAs ? forum.store.author(parameters.signedInAs) : null;
  const api: MockApi = { forum, token, member };
  return { api };
};
