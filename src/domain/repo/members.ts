import type { Author } from '../../contract/index.ts';
import { ApiError, computeRank, daysBetween, isStaff, type RankLadder, type Role } from '../../core/index.ts';
import type { Queryable } from '../database.ts';
import { isUniqueViolation, pseudonymCandidates } from './pseudonyms.ts';

/** SQL that builds an author object from a `members` row aliased `alias`. */
export function authorJson(alias: string): string {
  return `json_build_object('id', ${alias}.id, 'pseudonym', ${alias}.pseudonym, 'role', ${alias}.role, 'team', ${alias}.team,
    'postCount', ${alias}.post_count, 'acceptedCount', ${alias}.accepted_count, 'kudosReceived', ${alias}.kudos_received,
    'confirmedCount', ${alias}.confirmed_count, 'joinedAt', ${alias}.joined_at)`;
}

export interface AuthorRow {
  id: number;
  pseudonym: string;
  role: Role;
  team: string | null;
  postCount: number;
  acceptedCount: number;
  kudosReceived: number;
  confirmedCount?: number;
  joinedAt: string | Date;
}

export function toAuthor(row: AuthorRow, ladder: RankLadder, now = new Date()): Author {
  const joinedAt = new Date(row.joinedAt);
  const rank = computeRank(
    { posts: row.postCount, acceptedAnswers: row.acceptedCount, kudosReceived: row.kudosReceived,
      confirmedAnswers: row.confirmedCount ?? 0, daysSinceJoining: daysBetween(joinedAt, now) },
    ladder,
  );
  return { id: row.id, pseudonym: row.pseudonym, role: row.role, team: row.team, rank, postCount: row.postCount, joinedAt: joinedAt.toISOString() };
}

export async function findAuthor(db: Queryable, memberId: number, ladder: RankLadder): Promise<Author | undefined> {
  const [row] = await db.query<{ author: AuthorRow }>(`select ${authorJson('m')} as author from members m where m.id = $1`, [memberId]);
  return row && toAuthor(row.author, ladder);
}

export async function memberExists(db: Queryable, communityId: number, memberId: number): Promise<boolean> {
  const rows = await db.query('select 1 from members where id = $1 and community_id = $2', [memberId, communityId]);
  return rows.length > 0;
}

export interface MemberClaims {
  externalId: string;
  pseudonym: string;
  role: Role;
  region: string | undefined;
  /**
   * The token's optional `email` claim. Each sign-in writes it as the token says: a token
   * without it clears the stored address, so no address outlives the brand's own record.
   */
  email?: string | undefined;
}

interface KnownMember {
  id: number;
  pseudonym: string;
  claimed_name: string | null;
  role: string;
  region: string | null;
  email: string | null;
}

/**
 * The brand's signed token is the source of truth for who someone is: the first request
 * creates the member, later ones follow name, role and region changes. Safe when first
 * requests of one member, or of many members of one name, arrive at once.
 */
export async function upsertMember(db: Queryable, communityId: number, claims: MemberClaims): Promise<number> {
  const known = (await findMember(db, communityId, claims.externalId)) ?? (await insertMember(db, communityId, claims));
  if (typeof known === 'number') return known;
  const keepsPseudonym = known.claimed_name === null ? isLegacyPseudonym(known.pseudonym, claims.pseudonym) : known.claimed_name === claims.pseudonym;
  // Most requests come from someone already known and unchanged: no write for them.
  if (keepsPseudonym && known.role === claims.role && (known.region ?? undefined) === claims.region && known.email === (claims.email ?? null)) return known.id;
  if (keepsPseudonym) {
    await db.query('update members set claimed_name = $2, role = $3, region = $4, email = $5 where id = $1', [known.id, claims.pseudonym, claims.role, claims.region ?? null, claims.email ?? null]);
    return known.id;
  }
  return renameMember(db, known.id, claims);
}

async function findMember(db: Queryable, communityId: number, externalId: string): Promise<KnownMember | undefined> {
  const [row] = await db.query<KnownMember>(
    'select id, pseudonym, claimed_name, role, region, email from members where community_id = $1 and external_id = $2',
    [communityId, externalId],
  );
  return row;
}

/** Members made before `claimed_name` existed: their pseudonym is the name, or the name plus a suffix. */
function isLegacyPseudonym(pseudonym: string, name: string): boolean {
  return pseudonym === name || pseudonym.startsWith(`${name}-`);
}

/**
 * A new member takes the first free pseudonym of their candidates. `on conflict do nothing`
 * covers both unique indexes: a taken pseudonym moves on to the next candidate, a row of the
 * same member written meanwhile by a concurrent request is returned for the update path.
 */
async function insertMember(db: Queryable, communityId: number, claims: MemberClaims): Promise<number | KnownMember> {
  for (const pseudonym of pseudonymCandidates(claims.pseudonym, claims.externalId)) {
    const [row] = await db.query<{ id: number }>(
      `insert into members (community_id, external_id, pseudonym, claimed_name, role, region, email)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict do nothing
       returning id`,
      [communityId, claims.externalId, pseudonym, claims.pseudonym, claims.role, claims.region ?? null, claims.email ?? null],
    );
    if (row) return row.id;
    const raced = await findMember(db, communityId, claims.externalId);
    if (raced) return raced;
  }
  throw noFreePseudonym(claims.pseudonym);
}

/** A known member whose name changed takes the first free pseudonym of the new name's candidates. */
async function renameMember(db: Queryable, memberId: number, claims: MemberClaims): Promise<number> {
  for (const pseudonym of pseudonymCandidates(claims.pseudonym, claims.externalId)) {
    try {
      await db.query(
        'update members set pseudonym = $2, claimed_name = $3, role = $4, region = $5, email = $6 where id = $1',
        [memberId, pseudonym, claims.pseudonym, claims.role, claims.region ?? null, claims.email ?? null],
      );
      return memberId;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw noFreePseudonym(claims.pseudonym);
}

function noFreePseudonym(name: string): ApiError {
  return new ApiError('conflict', `Every pseudonym made from the name "${name}" is taken: the token should name this member differently.`);
}

/** Members offered by the demo sign-in: advisors first, then one member per rank level. */
export async function demoMembers(db: Queryable, communityId: number, ladder: RankLadder): Promise<Author[]> {
  const rows = await db.query<{ author: AuthorRow }>(
    `select ${authorJson('m')} as author from members m
     where m.community_id = $1 and m.external_id like 'demo:%'
     order by (m.role = 'member'), m.post_count desc, m.id`,
    [communityId],
  );
  const authors = rows.map((row) => toAuthor(row.author, ladder));
  const staff = authors.filter((author) => isStaff(author.role));
  const byLevel = new Map<number, Author>();
  for (const author of authors) if (!isStaff(author.role) && !byLevel.has(author.rank.level)) byLevel.set(author.rank.level, author);
  return [...staff, ...[...byLevel.values()].sort((a, b) => b.rank.level - a.rank.level)];
}
