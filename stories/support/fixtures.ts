/**
 * Story data beyond the sample community: a long thread, an empty community, and one author
 * per step of the status ladder.
 */
import type { Author } from '../../src/contract/models.ts';
import { DEFAULT_RANK_LADDER } from '../../src/core/index.ts';
import { defaultFixtures, MEMBERS, type Fixtures, type PostFixture } from '../../src/mocks/index.ts';

/** The thread id of `longThreadFixtures()`. */
export const LONG_THREAD_ID = 100;

/** The sample community plus one thread of `replies` replies from members taking turns. */
export function longThreadFixtures(replies = 150): Fixtures {
  const fixtures = defaultFixtures();
  const start = Date.parse('2026-11-20T08:00:00Z');
  const authors = [MEMBERS.pix37, MEMBERS.rosier, MEMBERS.sam, MEMBERS.lea];
  const posts: PostFixture[] = [
    { id: 10_000, authorId: MEMBERS.nadia, kind: 'question', createdAt: new Date(start).toISOString(), body: 'Bonjour,\nMa box redémarre toute seule plusieurs fois par jour. Qui a le même souci ?' },
  ];
  for (let i = 1; i <= replies; i++) {
    posts.push({
      id: 10_000 + i,
      authorId: authors[i % authors.length]!,
      createdAt: new Date(start + i * 7 * 60_000).toISOString(),
      body: `Réponse n° ${i} : même chose chez moi depuis la mise à jour, **redémarrage** vers ${8 + (i % 12)} h.`,
    });
  }
  fixtures.threads.push({ id: LONG_THREAD_ID, categoryId: 3, title: 'La box redémarre toute seule (fil de discussion commun)', status: 'open', locale: 'fr', sameProblemCount: 87, posts });
  return fixtures;
}

/** A community with no category yet. */
export function emptyCommunityFixtures(): Fixtures {
  const fixtures = defaultFixtures();
  fixtures.categories = [];
  fixtures.threads = [];
  return fixtures;
}

/** The sample community with `extra` more questions in "Technical help" (category 3), to page through. */
export function busyCategoryFixtures(extra = 45): Fixtures {
  const fixtures = defaultFixtures();
  const start = Date.parse('2026-11-01T08:00:00Z');
  for (let i = 1; i <= extra; i++) {
    fixtures.threads.push({
      id: 200 + i, categoryId: 3, title: `Question ${i} : réglages MMS après changement de téléphone`, status: i % 3 === 0 ? 'solved' : 'open', locale: 'fr',
      posts: [{ id: 20_000 + i, authorId: MEMBERS.sam, kind: 'question', createdAt: new Date(start + i * 3_600_000).toISOString(), body: 'Les MMS ne partent plus, une idée ?' }],
    });
  }
  return fixtures;
}

/** One author for each of the fifteen steps of the default ladder. */
export function authorsOnEveryRank(): Author[] {
  return DEFAULT_RANK_LADDER.steps.map((step, index) => ({
    id: 1_000 + index,
    pseudonym: `Membre${index + 1}`,
    role: 'member',
    team: null,
    rank: { level: index + 1, name: step.name },
    postCount: Math.max(1, step.minScore),
    joinedAt: new Date(Date.parse('2026-11-24T00:00:00Z') - step.minDays * 86_400_000).toISOString(),
  }));
}
