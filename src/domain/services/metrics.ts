/**
 * Community metrics over a date range (study §17–§20: about 90 % of answers come from
 * members). SQL aggregates over the threads asked in the range; core turns counts into shares.
 */
import type { Metrics } from '../../contract/areas/advisor.ts';
import { guardian, type Actor, ApiError } from '../../core/index.ts';
import { share } from '../../core/metrics.ts';
import type { ServiceContext } from '../context.ts';
import { readMetricsRows, type CategoryRow } from '../repo/metrics.ts';

const DAY = 86_400_000;

function figures(byMembers: number, byAdvisors: number) {
  return { total: byMembers + byAdvisors, byMembers, byAdvisors, memberShare: share(byMembers, byMembers + byAdvisors) };
}

const EARLIEST = Date.parse('0000-01-01T00:00:00Z');

export async function communityMetrics(
  { db, community }: ServiceContext, { actor, query, now = new Date() }: { actor: Actor; query: { from?: string; to?: string; categoryId?: number }; now?: Date },
): Promise<Metrics> {
  guardian(actor).staff.ensureSeeMetrics();
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY);
  // A range reaching before year 0 has no ISO 8601 date-time to answer with ("-000001-12-02…").
  if (from.getTime() < EARLIEST) throw new ApiError('validation_failed', 'The range must start in year 0 or later.', [{ in: 'querystring', path: query.from ? '/from' : '/to', message: 'before year 0' }]);
  if (!(from < to)) throw new ApiError('validation_failed', '`from` must be before `to`.', [{ in: 'querystring', path: '/from', message: 'after to' }]);

  const { categories, medians, accepted, circles, advisors } = await readMetricsRows(db, { communityId: community.id, from, to, categoryId: query.categoryId ?? null });

  const sum = (pick: (row: CategoryRow) => number) => categories.reduce((total, row) => total + pick(row), 0);
  const threads = sum((row) => row.threads);
  const solved = sum((row) => row.solved);
  const medianOf = (byMember: boolean) => {
    const row = medians.find((median) => median.by_member === byMember);
    return row ? Math.round(Number(row.median_ms)) : null;
  };
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    threads,
    solved,
    solvedRate: share(solved, threads),
    firstAnswers: figures(sum((row) => row.fa_members), sum((row) => row.fa_advisors)),
    acceptedAnswers: figures(accepted?.by_members ?? 0, accepted?.by_advisors ?? 0),
    medianFirstAnswerMs: { members: medianOf(true), advisors: medianOf(false) },
    categories: categories.map((row) => ({
      categoryId: row.category_id, threads: row.threads, solved: row.solved,
      firstAnswersByMembers: row.fa_members, firstAnswersByAdvisors: row.fa_advisors,
    })),
    advisors: advisors.map((row) => ({ advisor: { id: row.id, pseudonym: row.pseudonym }, posts: row.posts, accepted: row.accepted, assisted: row.assisted })),
    circles: { core: circles?.core ?? 0, occasional: circles?.occasional ?? 0, 'one-time-asker': circles?.askers ?? 0 },
  };
}
