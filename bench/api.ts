/**
 * The bench's client of the server it measures: JSON calls with a member's token, and threads
 * of a known size written through the API (so every figure is about a thread the run made).
 */
import { randomUUID } from 'node:crypto';

export interface Api {
  /** The server's origin, e.g. `http://127.0.0.1:43121`. */
  url: string;
  /** A demo member's bearer token. */
  token: string;
}

/** GET (no body) or POST (body) `/api${path}`; a POST carries an Idempotency-Key, as the SDK's do. */
export async function call<T>(api: Api, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = api.token ? { authorization: `Bearer ${api.token}` } : {};
  if (body) Object.assign(headers, { 'content-type': 'application/json', 'idempotency-key': randomUUID() });
  const response = await fetch(`${api.url}/api${path}`, { method: body ? 'POST' : 'GET', headers, body: body ? JSON.stringify(body) : undefined });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Signs in the demo seed's first plain member; returns the API handle with its token. */
export async function signInMember(url: string): Promise<Api> {
  const anonymous: Api = { url, token: '' };
  const members = await call<{ items: Array<{ id: number; role: string }> }>(anonymous, '/demo/members');
  const member = members.items.find((m) => m.role === 'member');
  if (!member) throw new Error('the demo seed has no plain member');
  const { token } = await call<{ token: string }>(anonymous, '/demo/sign-in', { memberId: member.id });
  return { url, token };
}

export async function firstCategoryId(api: Api): Promise<number> {
  const community = await call<{ categories: Array<{ id: number }> }>(api, '/community');
  return community.categories[0]!.id;
}

/** The title of every thread the bench writes (its rendered page's address follows from it). */
export const THREAD_TITLE = (posts: number) => `Fil de ${posts} messages pour le banc d’essai`;

/** A thread of `posts` posts (the question and posts − 1 replies), written four replies at a time. */
export async function makeThread(api: Api, categoryId: number, posts: number): Promise<number> {
  const { thread } = await call<{ thread: { id: number } }>(api, '/threads', { categoryId, title: THREAD_TITLE(posts), body: 'La box **redémarre** toute seule, qui a le même souci ?' });
  let next = 1;
  const writer = async () => {
    while (next < posts) {
      const n = next++;
      await call(api, `/threads/${thread.id}/posts`, { body: `Réponse n° ${n} : même chose chez moi depuis la mise à jour, **redémarrage** vers ${8 + (n % 12)} h. Voir https://volta.example/faq/box` });
    }
  };
  await Promise.all([writer(), writer(), writer(), writer()]);
  return thread.id;
}
