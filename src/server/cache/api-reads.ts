/**
 * The Fastify side of the API read cache (./api-cache.ts): which reads are kept, under which key
 * and tags, and how an answer leaves — the shared bytes, already compressed, with an ETag and a
 * 304 on revalidation for a guest; the shared answer plus the reader's own state for a signed-in reader.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isSignedIn, liveAudience, pickLocale, type SignedIn } from '../../core/index.ts';
import type { Answer, Call, DomainContext, OperationName } from '../../domain/operations/index.ts';
import { forumOperations } from '../../domain/operations/forum.ts';
import { leavesOwnStateApart, sharedReads } from '../../domain/operations/shared-reads.ts';
import type { Post, ThreadDetail, ThreadPage, PostPage } from '../../contract/index.ts';
import { COMPRESS_THRESHOLD } from '../compress.ts';
import { varyWith } from '../headers.ts';
import { cachedAnswer, memberTags, type ApiCache, type CachedAnswer } from './api-cache.ts';
import { encodedOnce, matchesEtag, preferredEncoding, weakEtag } from './tagged-cache.ts';

type CachedName = 'getCommunity' | 'listThreads' | 'getThread' | 'listThreadPosts';

interface CachedRead<N extends CachedName> {
  /** What else than params and query decides the answer (the community's language); undefined: not shared, not kept. */
  key(ctx: DomainContext, call: Call<N>): string | undefined;
  tags(call: Call<N>, body: Answer<N>): string[];
  shared(ctx: DomainContext, call: Call<N>): Promise<Answer<N>>;
  own?(ctx: DomainContext, reader: SignedIn, shared: Answer<N>, call: Call<N>): Promise<Answer<N>>;
  /** The answer's language follows `Accept-Language`. */
  varyLanguage?: true;
}

const postAuthors = (posts: readonly (Post | undefined)[]) => memberTags(posts);

const CACHED_READS: { [N in CachedName]: CachedRead<N> } = {
  getCommunity: {
    key: (ctx, { query, acceptLanguage }) => query.locale ?? pickLocale(acceptLanguage, ctx.community.locale),
    tags: () => ['categories', 'settings'],
    shared: (ctx, call) => forumOperations.getCommunity.run(ctx, call),
    varyLanguage: true,
  },
  listThreads: {
    key: (_ctx, call) => (sharedReads.listThreads.shareable(call) ? '' : undefined),
    tags: (_call, page: ThreadPage) => ['lists', 'settings', ...memberTags(page.items)],
    ...sharedReads.listThreads,
  },
  getThread: {
    key: () => '',
    tags: ({ params }, detail: ThreadDetail) => [`thread:${params.threadId}`, 'settings', ...memberTags([detail.thread]), ...postAuthors([...detail.posts, detail.solution])],
    ...sharedReads.getThread,
  },
  listThreadPosts: {
    key: () => '',
    tags: ({ params }, page: PostPage) => [`thread:${params.threadId}`, 'settings', ...postAuthors(page.items)],
    ...sharedReads.listThreadPosts,
  },
};

export function isCachedRead(name: OperationName): name is CachedName {
  return Object.hasOwn(CACHED_READS, name);
}

/**
 * Answers a cached read: from the cache when another reader of the same audience asked first.
 * False when this read is not shared (the caller answers it as usual). Never resolves to the reply
 * itself: a Fastify reply is thenable, and awaiting it waits for the answer to be sent.
 */
export async function answerCachedRead<N extends CachedName>(
  cache: ApiCache, ctx: DomainContext, name: N, call: Call<N>, request: FastifyRequest, reply: FastifyReply,
): Promise<boolean> {
  const read = CACHED_READS[name] as CachedRead<N>;
  const extra = read.key(ctx, call);
  if (extra === undefined) return false;
  // The audience is part of the key: a staff answer is never a guest's or a member's, nor back.
  const { viewer: _apart, ...query } = call.query as { viewer?: string };
  const key = JSON.stringify([name, liveAudience(call.actor), call.params, query, extra]);
  const entry = await cache.get(key, [], async () => {
    const body = await read.shared(ctx, call);
    return cachedAnswer(body, serialized(reply, body), read.tags(call, body));
  });
  void reply.header('vary', varyWith(reply, 'Accept-Encoding'));
  if (read.varyLanguage) void reply.header('vary', varyWith(reply, 'Accept-Language'));
  if (!isSignedIn(call.actor)) {
    await sendShared(request, reply, entry, 'public, no-cache');
    return true;
  }
  // Their audience's bytes as they are: the reader's own state comes apart (GET /threads/:id/viewer).
  if (leavesOwnStateApart(call)) {
    await sendShared(request, reply, entry, 'private, no-cache');
    return true;
  }
  const own = read.own ? await read.own(ctx, call.actor, entry.body as Answer<N>, call) : entry.body;
  const json = own === entry.body ? entry.json : serialized(reply, own);
  // The reader's own state is theirs: their browser may keep it, no shared cache may.
  sendJson(request, reply, json, own === entry.body ? entry.etag : weakEtag(json), 'private, no-cache');
  return true;
}

/** The answer as the route's response schema writes it (what Fastify would send). */
function serialized(reply: FastifyReply, body: unknown): string {
  const json = reply.serialize(body);
  return typeof json === 'string' ? json : Buffer.from(json as ArrayBuffer).toString();
}

function sendJson(request: FastifyRequest, reply: FastifyReply, json: string, etag: string, cacheControl: string): void {
  void reply.header('etag', etag).header('cache-control', cacheControl).type('application/json; charset=utf-8');
  if (matchesEtag(request.headers['if-none-match'], etag)) void reply.code(304).send();
  else void reply.send(json);
}

/**
 * The bytes every reader of an audience shares, compressed once, revalidated on each use: `public`
 * for guests (a CDN may keep them), `private` for signed-in readers (only their browser may).
 */
async function sendShared(request: FastifyRequest, reply: FastifyReply, entry: CachedAnswer, cacheControl: string): Promise<void> {
  const encoding = preferredEncoding(request.headers['accept-encoding']);
  if (!encoding || entry.json.length < COMPRESS_THRESHOLD || matchesEtag(request.headers['if-none-match'], entry.etag)) {
    sendJson(request, reply, entry.json, entry.etag, cacheControl);
    return;
  }
  const bytes = await encodedOnce(entry, entry.json, encoding);
  // Already compressed: the compression hook passes it through as it is.
  void reply.header('etag', entry.etag).header('cache-control', cacheControl).type('application/json; charset=utf-8').header('content-encoding', encoding).send(bytes);
}
