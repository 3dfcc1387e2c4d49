/** Public member profiles: the header fields plus what the community credits them for. */
import type { MemberProfile } from '../../contract/index.ts';
import { daysBetween, rankProgress } from '../../core/index.ts';
import type { Queryable } from '../database.ts';
import type { CommunityContext } from './community.ts';
import { authorJson, toAuthor, type AuthorRow } from './members.ts';

interface ProfileRow {
  author: AuthorRow;
  accepted_count: number;
  confirmed_count: number;
  kudos_received: number;
  assist_count: number;
  thread_count: number;
}

export async function memberProfile(db: Queryable, community: CommunityContext, memberId: number): Promise<MemberProfile | undefined> {
  const [row] = await db.query<ProfileRow>(
    `select ${authorJson('m')} as author, m.accepted_count, m.confirmed_count, m.kudos_received, m.assist_count,
       (select count(*)::int from threads t where t.author_id = m.id and t.merged_into_id is null) as thread_count
     from members m where m.id = $1 and m.community_id = $2`,
    [memberId, community.id],
  );
  if (!row) return undefined;
  const now = new Date();
  const participation = {
    posts: row.author.postCount, acceptedAnswers: row.accepted_count, kudosReceived: row.kudos_received,
    confirmedAnswers: row.confirmed_count, daysSinceJoining: daysBetween(new Date(row.author.joinedAt), now),
  };
  return {
    ...toAuthor(row.author, community.ladder, now),
    acceptedAnswers: row.accepted_count,
    confirmedAnswers: row.confirmed_count,
    kudosReceived: row.kudos_received,
    assists: row.assist_count,
    questions: row.thread_count,
    progress: rankProgress(participation, community.ladder),
  };
}
