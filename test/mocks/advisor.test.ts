import { expect } from '@open-wc/testing';
import { communityMetrics } from '../../src/mocks/areas/advisor-metrics.ts';
import { advisorQueue, collectiveAlerts } from '../../src/mocks/areas/advisor.ts';
import { defaultFixtures, MEMBERS, MockStore } from '../../src/mocks/index.ts';

const HOUR = 3_600_000;
const STAFF = { role: 'advisor', memberId: MEMBERS.lea } as const;

/** A mock community on a clock the test moves; three members live in Occitanie. */
function community() {
  const fixtures = defaultFixtures();
  const occitanie: number[] = [MEMBERS.nadia, MEMBERS.rosier, MEMBERS.sam];
  for (const member of fixtures.members) member.region = occitanie.includes(member.id) ? 'Occitanie' : 'Bretagne';
  let now = new Date('2026-12-01T08:00:00Z');
  const store = new MockStore(fixtures, { now: () => now });
  return { store, tick: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

const member = (memberId: number) => ({ role: 'member', memberId }) as const;

/** Parts of the advisor area the contract suite cannot reach: regions and a pinned clock. */
describe('mocked advisor area', () => {
  it('raises a regional alert from same-problem marks of one region', () => {
    const { store, tick } = community();
    const { thread } = store.createThread(member(MEMBERS.nadia), { categoryId: 4, title: 'Aucun service à Toulouse', body: 'Plus rien depuis ce matin.' });
    tick(10 * 60_000);
    store.markSameProblem(member(MEMBERS.rosier), thread.id, true);
    store.markSameProblem(member(MEMBERS.sam), thread.id, true);
    store.markSameProblem(member(MEMBERS.pix37), thread.id, true);

    const { items } = collectiveAlerts(store, { threshold: 3, windowMinutes: 60 });

    const regional = items.filter((alert) => alert.region !== null);
    expect(regional.map(({ categoryId, region, count, threadIds }) => ({ categoryId, region, count, threadIds }))).to.deep.equal([
      { categoryId: 4, region: 'Occitanie', count: 3, threadIds: [thread.id] },
    ]);
  });

  it('forgets marks that leave the window', () => {
    const { store, tick } = community();
    const { thread } = store.createThread(member(MEMBERS.nadia), { categoryId: 4, title: 'Aucun service à Toulouse', body: 'Plus rien depuis ce matin.' });
    store.markSameProblem(member(MEMBERS.rosier), thread.id, true);
    store.markSameProblem(member(MEMBERS.sam), thread.id, true);
    tick(2 * HOUR);

    expect(collectiveAlerts(store, { threshold: 3, windowMinutes: 60 }).items).to.deep.equal([]);
  });

  it('moves a community-answered thread from awaiting confirmation to advisor-due when the holdback ends', () => {
    const { store, tick } = community();
    const { thread } = store.createThread(member(MEMBERS.nadia), { categoryId: 1, title: 'Ma SIM ne marche pas', body: 'Aucun service.' });
    const find = () => advisorQueue(store, { limit: 50 }, STAFF).items.find((item) => item.thread.id === thread.id);
    expect(find()).to.equal(undefined);
    store.reply(member(MEMBERS.pix37), thread.id, { body: 'Redémarrez le téléphone.' });
    tick(HOUR);

    expect([find()?.kind, find()?.msLeft]).to.deep.equal(['awaiting-confirmation', 2 * HOUR]);
    tick(2 * HOUR);
    expect([find()?.kind, find()?.holdback, find()?.msOverdue]).to.deep.equal(['advisor-due', 'advisor-due', 0]);
  });

  it('counts a member with ten replies to others in the core circle', () => {
    const { store, tick } = community();
    const from = new Date(store.now().getTime() - 1000);
    for (let n = 0; n < 10; n += 1) {
      const { thread } = store.createThread(member(MEMBERS.nadia), { categoryId: 3, title: `Question numéro ${n}`, body: 'Une question.' });
      tick(5 * 60_000);
      store.reply(member(MEMBERS.pix37), thread.id, { body: 'Une réponse.' });
    }

    const metrics = communityMetrics(store, { from, to: new Date(store.now().getTime() + 1) });

    expect(metrics.circles).to.deep.equal({ core: 1, occasional: 0, 'one-time-asker': 1 });
    expect(metrics.medianFirstAnswerMs).to.deep.equal({ members: 5 * 60_000, advisors: null });
    expect(metrics.firstAnswers.memberShare).to.equal(1);
  });
});
