/**
 * Who gets which notification (issue 15): the one place these rules are written. The domain
 * gathers the facts (followers, mutes, mentioned members, who may read) in SQL and asks here;
 * these functions do no I/O, so each rule is tested directly (test/core/notify.test.ts).
 */
import type { NotificationKind } from './notifications.ts';

/** At most this many distinct @mentions of one post notify anyone (a pasted list is not a call). */
export const MENTION_LIMIT = 10;

/** `@Pseudonym` as written in a post: letters, digits, `_`, `.`, `-`; a trailing dot ends a sentence. */
const MENTION = /(^|[^\p{L}\p{N}_.@-])@([\p{L}\p{N}_][\p{L}\p{N}_.-]{0,39})/gu;

/**
 * The pseudonyms a post's markdown mentions, lower-cased (pseudonyms are unique within a
 * community case-insensitively), first mention first, at most `MENTION_LIMIT`. Mentions inside
 * code (`` `@x` `` or fenced blocks) and e-mail addresses (`a@b.fr`) do not count.
 */
export function mentionedNames(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`\n]*`/g, ' ');
  const names: string[] = [];
  for (const match of prose.matchAll(MENTION)) {
    const name = match[2]!.replace(/[.-]+$/, '').toLowerCase();
    if (name && !names.includes(name)) names.push(name);
    if (names.length === MENTION_LIMIT) break;
  }
  return names;
}

export interface Recipient {
  memberId: number;
  kind: NotificationKind;
}

/** The facts of a new post, gathered by the domain. */
export interface NewPostFacts {
  /** Who wrote it: never notified of their own post. */
  actorId: number;
  /** `reply` for a reply, `new-thread` for a question. */
  kind: 'reply' | 'new-thread';
  /** Members following the thread (a reply) or its category (a question). */
  followers: readonly number[];
  /** Members who muted the thread or its category: no reply or new-thread notification for them. */
  muted: readonly number[];
  /** Members the post @mentions (resolved within the community); mentions come even when muted. */
  mentioned: readonly number[];
}

/**
 * A mention wins over the follow (one notification per member and post); muting silences the
 * follow, not a mention, since being called by name is addressed to the member, not to the thread.
 */
export function postRecipients(facts: NewPostFacts): Recipient[] {
  const out = new Map<number, NotificationKind>();
  for (const memberId of facts.mentioned) if (memberId !== facts.actorId) out.set(memberId, 'mention');
  const muted = new Set(facts.muted);
  for (const memberId of facts.followers) {
    if (memberId !== facts.actorId && !muted.has(memberId) && !out.has(memberId)) out.set(memberId, facts.kind);
  }
  return [...out].map(([memberId, kind]) => ({ memberId, kind }));
}

/** Members told of one event about them (accepted, confirmed, kudos, private…): everyone but the actor, once. */
export function directRecipients(kind: NotificationKind, actorId: number, memberIds: readonly number[]): Recipient[] {
  return [...new Set(memberIds)].filter((memberId) => memberId !== actorId).map((memberId) => ({ memberId, kind }));
}

/**
 * Who a private message is for: the other side. When the asker writes, the conversation's
 * advisors (those who opened or wrote in it); when staff write, the asker.
 */
export function privateMessageRecipients(facts: { actorId: number; askerId: number; advisorIds: readonly number[] }): Recipient[] {
  const others = facts.actorId === facts.askerId ? facts.advisorIds : [facts.askerId];
  return directRecipients('private-message', facts.actorId, others);
}

/** At most this many members are told of one incident change: a bounded fan-out. */
export const INCIDENT_FANOUT_LIMIT = 500;

/** A member an incident may concern, and why (a follow, their own thread, a "same problem" mark). */
export interface IncidentCandidate {
  memberId: number;
  /** The member's region (or the region of their mark), null when unknown. */
  region: string | null;
  /** Muted the incident's category: not told. */
  muted: boolean;
}

/**
 * Members told of an incident: the candidates in its region (an incident without region concerns
 * every region; a member of unknown region is told only of those), not muted, never the actor,
 * at most `INCIDENT_FANOUT_LIMIT`.
 */
export function incidentRecipients(incident: { actorId: number; region: string | null }, candidates: readonly IncidentCandidate[]): Recipient[] {
  const chosen = new Set<number>();
  const region = incident.region?.toLowerCase() ?? null;
  for (const candidate of candidates) {
    if (candidate.memberId === incident.actorId || candidate.muted) continue;
    if (region !== null && candidate.region?.toLowerCase() !== region) continue;
    chosen.add(candidate.memberId);
    if (chosen.size === INCIDENT_FANOUT_LIMIT) break;
  }
  return directRecipients('incident', incident.actorId, [...chosen]);
}
