import type { Author } from '../../contract/index.ts';
import { computeRank, daysBetween, type RankLadder, type Role } from '../../core/index.ts';
import type { Queryable } from '../db/database.ts';

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

export interface MemberClaims {
  externalId: string;
  pseudonym: string;
  role: Role;
  region: string | undefined;
}

/**
 * The brand's signed token is the source of truth for who someone is: the first request
 * creates the member, later ones follow pseudonym, role and region changes.
 */
export async function upsertMember(db: Queryable, communityId: number, claims: MemberClaims): Promise<number> {
  const [known] = await db.query<{ id: number; pseudonym: string; role: string; region: string | null }>(
    'select id, pseudonym, role, region from members where community_id = $1 and external_id = $2',
    [communityId, claims.externalId],
  );
  // Most requests come from someone already known and unchanged: no write for them.
  if (known && known.role === claims.role && (known.region ?? undefined) === claims.region && known.pseudonym.startsWith(claims.pseudonym)) {
    return known.id;
  }
  const pseudonym = await freePseudonym(db, communityId, claims);
  const [row] = await db.query<{ id: number }>(
    `insert into members (community_id, external_id, pseudonym, role, region)
     values ($1, $2, $3, $4, $5)
     on conflict (community_id, external_id) do update
       set pseudonym = excluded.pseudonym, role = excluded.role, region = excluded.region
     returning id`,
    [communityId, claims.externalId, pseudonym, claims.role, claims.region ?? null],
  );
  if (!row) throw new Error('member upsert returned nothing');
  return row.id;
}

/** Pseudonyms are unique per community: a clash with someone else gets a short stable suffix. */
async function freePseudonym(db: Queryable, communityId: number, claims: MemberClaims): Promise<string> {
  const [holder] = await db.query<{ external_id: string }>(
    'select external_id from members where community_id = $1 and lower(pseudonym) = lower($2)',
    [communityId, claims.pseudonym],
  );
  if (!holder || holder.external_id === claims.externalId) return claims.pseudonym;
  let hash = 0;
  for (const char of claims.externalId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `${claims.pseudonym}-${hash.toString(36).slice(0, 4)}`;
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
  const staff = authors.filter((author) => author.role !== 'member');
  const byLevel = new Map<number, Author>();
  for (const author of authors) if (author.role === 'member' && !byLevel.has(author.rank.level)) byLevel.set(author.rank.level, author);
  return [...staff, ...[...byLevel.values()].sort((a, b) => b.rank.level - a.rank.level)];
}
