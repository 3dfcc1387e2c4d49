/** Domain vocabulary shared by every layer. */

/** `admin`: the brand's community manager — a moderator's powers plus the community's settings. */
export const ROLES = ['member', 'advisor', 'moderator', 'admin'] as const;
/** A signed-in person's role; `guest` is whoever is not signed in. */
export type Role = (typeof ROLES)[number];

export const THREAD_STATUSES = ['open', 'answered', 'solved', 'closed', 'archived'] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

export const POST_KINDS = ['question', 'reply', 'trace'] as const;
/** `trace` is the public mark an advisor leaves when work moves to private messages (study §17). */
export type PostKind = (typeof POST_KINDS)[number];

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Who is acting: a guest has no id. */
export type Actor = { role: 'guest' } | { role: Role; memberId: number };

/** Whether a value is a signed-in role (a token's claim, a stored row). */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Staff: advisors, moderators and admins — the one spelling of "the brand's people". */
export function isStaff(role: Role | 'guest'): boolean {
  return role === 'advisor' || role === 'moderator' || role === 'admin';
}

/** Moderators, and admins, who hold a moderator's powers. */
export function hasModeratorPowers(role: Role | 'guest'): boolean {
  return role === 'moderator' || role === 'admin';
}

/** Advisors speak for the brand: their posts carry the signature and the confirmations. */
export function isAdvisor(role: Role | 'guest'): boolean {
  return role === 'advisor';
}

export function pickLocale(wanted: string | null | undefined, fallback: Locale = 'fr'): Locale {
  const short = (wanted ?? '').slice(0, 2).toLowerCase();
  return (LOCALES as readonly string[]).includes(short) ? (short as Locale) : fallback;
}
