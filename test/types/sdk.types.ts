/**
 * Compile-only type tests of the SDK's public typings: `npx tsc -p tsconfig.json --noEmit`
 * fails when a misuse below starts to compile (`@ts-expect-error` unused) or when a response
 * stops matching the contract's type. Never run: the functions are only type-checked.
 */
import type { EditPost, KudosState, NewConfirmation, Signature } from '../../src/contract/areas/interactions.ts';
import type { PrivateConversation } from '../../src/contract/areas/moderation.ts';
import type { Category, Community, CreatedThread, MemberProfile, NewReply, Post, Session, ThreadDetail, ThreadPage, ThreadSummary } from '../../src/contract/models.ts';
import type { RouteAnswer, RouteInput, RouteRef } from '../../src/contract/route-types.ts';
import type { Http } from '../../src/sdk/http.ts';
import { createEntraideClient, EntraideError, type EntraideClient, type ErrorCode, type LiveEvent } from '../../src/sdk/index.ts';
import { getThread, giveKudos, health } from '../../src/sdk/routes/index.ts';

declare const client: EntraideClient;
declare const signal: AbortSignal;

export async function responsesHaveTheContractTypes(): Promise<void> {
  (await client.community.get({ locale: 'fr' })) satisfies Community;
  (await client.categories.list()) satisfies Category[];
  (await client.categories.get(1, { locale: 'en' }, { signal })) satisfies Category;
  (await client.threads.get(1)) satisfies ThreadDetail;
  (await client.posts.reply(1, { body: 'Bonjour' }, { signal })) satisfies Post;
  (await client.posts.edit(1, { body: 'Corrigé' }, { signal })) satisfies Post;
  (await client.posts.edit(1, { body: 'Corrigé', reason: 'Donnée personnelle' })) satisfies Post;
  (await client.posts.kudo(1)) satisfies KudosState;
  (await client.threads.confirm(1, { body: 'Je confirme', citedPostIds: [2] })) satisfies Post;
  (await client.community.setSignature('Merci')) satisfies Signature;
  (await client.members.get(1)) satisfies MemberProfile;
  for await (const thread of client.threads.iterate({ categoryId: 1 }, { signal })) thread satisfies ThreadSummary;
  const unsubscribe = client.events.subscribe({ threadId: 1 }, (event) => event satisfies LiveEvent);
  unsubscribe satisfies () => void;
  ({ body: 'x', citedPostIds: [1] }) satisfies NewConfirmation;
  ({ body: 'x' }) satisfies EditPost;
}

export async function eventsAreDiscriminatedByType(): Promise<void> {
  client.events.subscribe({ threadId: 1 }, (event) => {
    if (event.type === 'post-updated') event.post.editedAt satisfies string | null;
    // @ts-expect-error a kudos event carries no post
    if (event.type === 'kudos-changed') void event.post;
  });
}

export function errorsHaveATypedCode(error: unknown): void {
  if (!(error instanceof EntraideError)) return;
  error.code satisfies ErrorCode | 'network_error' | 'aborted' | 'invalid_response';
  error.status satisfies number;
  // @ts-expect-error codes are a closed list
  if (error.code === 'teapot') return;
}

export async function misusesDoNotCompile(): Promise<void> {
  // @ts-expect-error the base URL is required
  createEntraideClient({});
  // @ts-expect-error retry is options or false, not true
  createEntraideClient({ baseUrl: '/api', retry: true });
  // @ts-expect-error an unknown field in a body
  await client.posts.reply(1, { body: 'Bonjour', pinned: true });
  // @ts-expect-error an unknown field in an edit
  await client.posts.edit(1, { body: 'Corrigé', hidden: false });
  // @ts-expect-error ids are numbers, not strings
  await client.threads.get('1');
  // @ts-expect-error ids are numbers, not strings
  await client.posts.edit('1', { body: 'Corrigé' });
  // @ts-expect-error the body is required
  await client.posts.edit(1, {});
  // @ts-expect-error a confirmation cites community replies
  await client.threads.confirm(1, { body: 'Je confirme' });
  // @ts-expect-error a new thread needs a category
  await client.threads.create({ title: 'Question', body: 'Bonjour' });
  // @ts-expect-error a locale is one of the community's languages
  await client.categories.list({ locale: 'de' });
  // @ts-expect-error the signal goes in the request options, not in the body
  await client.posts.edit(1, { body: 'Corrigé', signal });
  const post = await client.posts.edit(1, { body: 'Corrigé' });
  // @ts-expect-error posts have no `body`, only server-rendered `bodyHtml`
  void post.body;
  const profile = await client.members.get(1);
  // @ts-expect-error profiles do not expose e-mail addresses
  void profile.email;
  const category = await client.categories.get(1);
  // @ts-expect-error categories are read-only data, not a resource with methods
  void category.list;
}

/** True when `A` and `B` are the same type (not merely assignable: `any` fails it). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
declare function expectTrue<T extends true>(): T;
declare const http: Http;

export async function callsAreTypedFromTheContract(): Promise<void> {
  // The friendly names answer exactly the contract's 2xx types, never `any`.
  expectTrue<Equal<Awaited<ReturnType<EntraideClient['threads']['get']>>, ThreadDetail>>();
  expectTrue<Equal<Awaited<ReturnType<EntraideClient['posts']['reply']>>, Post>>();
  expectTrue<Equal<Awaited<ReturnType<EntraideClient['posts']['kudo']>>, KudosState>>();
  expectTrue<Equal<Awaited<ReturnType<EntraideClient['session']['get']>>, Session>>();
  expectTrue<Equal<RouteAnswer<'createThread'>, CreatedThread>>();
  expectTrue<Equal<RouteInput<'replyToThread'>, { params: { threadId: number } } & { body: NewReply }>>();
  // A part whose every field is optional may be left out; one the route lacks is not there.
  expectTrue<Equal<RouteInput<'getCommunity'>, { query?: { locale?: 'fr' | 'en' } }>>();

  // The transport infers params, query, body and answer from a route of the generated table.
  expectTrue<Equal<Awaited<ReturnType<typeof http.call<'getThread'>>>, ThreadDetail>>();
  (await http.call(getThread, { params: { threadId: 1 }, query: { limit: 10 } })) satisfies ThreadDetail;
  (await http.call(health)) satisfies { ok: boolean };
  // @ts-expect-error a thread's route takes a threadId, not a postId
  await http.call(getThread, { params: { postId: 1 } });
  // @ts-expect-error the params are required
  await http.call(getThread, { query: { limit: 10 } });
  // @ts-expect-error a limit is a number
  await http.call(getThread, { params: { threadId: 1 }, query: { limit: '10' } });
  // @ts-expect-error a route with no body takes none
  await http.call(giveKudos, { params: { postId: 1 }, body: {} });
  // @ts-expect-error a generated route's method and URL are the contract's: a drift does not compile
  const drifted: RouteRef<'getThread'> = 'GET /thread/:threadId';
  void drifted;
}

export async function theFullClientCallsAnyRouteByName(): Promise<void> {
  const thread = await client.call('getThread', { params: { threadId: 1 } }, { signal });
  thread satisfies ThreadDetail;
  expectTrue<Equal<typeof thread, ThreadDetail>>();
  expectTrue<Equal<Awaited<ReturnType<typeof client.call<'closePrivate'>>>, { conversation: PrivateConversation; trace: Post }>>();
  (await client.call('health')) satisfies { ok: boolean };
  (await client.call('listThreads', { query: { categoryId: 1, filter: 'solved' } })) satisfies ThreadPage;
  // @ts-expect-error ids are numbers, not strings
  await client.call('getThread', { params: { threadId: '1' } });
  // @ts-expect-error an unknown field in a body
  await client.call('replyToThread', { params: { threadId: 1 }, body: { body: 'Bonjour', pinned: true } });
  // @ts-expect-error the body is required
  await client.call('replyToThread', { params: { threadId: 1 } });
  // @ts-expect-error a filter is one of the contract's
  await client.call('listThreads', { query: { categoryId: 1, filter: 'hot' } });
  // @ts-expect-error no such route
  await client.call('getThreads');
  // @ts-expect-error the live stream is no JSON route: `events.subscribe` reads it
  await client.call('events');
}
