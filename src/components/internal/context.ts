/**
 * What `<entraide-forum>` shares with every element under it. Each element also works alone:
 * a consumer keeps its default (a client on `/api`, a guest session, hash links) when no
 * forum provides a value.
 */
import { createContext } from '@lit/context';
import type { Author } from '../../sdk/types.ts';
import type { Actor, Locale } from '../../core/index.ts';
import type { EntraideClient } from '../../sdk/index.ts';
import { createElementClient } from './clients.ts';
import { hashLinks, type Links } from './router.ts';

/** Who is signed in; `token` is the bearer token the client sends, when there is one. */
export interface SessionState {
  member: Author | null;
  token?: string;
}

export const GUEST: SessionState = Object.freeze({ member: null });

export const clientContext = createContext<EntraideClient>(Symbol('entraide-client'));
export const sessionContext = createContext<SessionState>(Symbol('entraide-session'));
export const localeContext = createContext<Locale>(Symbol('entraide-locale'));
/** The status names of the ladder in the reader's language, level 1 first; empty: the server's names. */
export const rankNamesContext = createContext<readonly string[]>(Symbol('entraide-rank-names'));
/** How links are written: hash routes by default, History API paths under a base path. */
export const linksContext = createContext<Links>(Symbol('entraide-links'));

let standaloneClient: EntraideClient | undefined;

/** The client an element uses when no forum provides one: same-origin `/api`, created once. */
export function defaultClient(): EntraideClient {
  standaloneClient ??= createElementClient({ baseUrl: '/api' });
  return standaloneClient;
}

/** The permission predicates of `src/core` speak of actors, not sessions. */
export function actorOf(session: SessionState): Actor {
  return session.member ? { role: session.member.role, memberId: session.member.id } : { role: 'guest' };
}

export { hashLinks };
