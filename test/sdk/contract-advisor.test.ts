/**
 * The advisor area of the contract suite, run against the msw mocks and the real server: the
 * queue's groups, advisor-now marks, incidents and their live event, alerts, experts, metrics
 * and who may see them. Every test makes its own threads; none depends on seed ids.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LiveEvent } from '../../src/contract/index.ts';
import { EntraideError, type EntraideClient } from '../../src/sdk/index.ts';
import { CONTRACT_TARGETS, type ContractRole, type ContractTarget } from '../helpers/contract-targets.ts';

async function waitFor(check: () => boolean, what: string, ms = 4000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const refusedWith = (status: number, code: string) => (error: unknown) => error instanceof EntraideError && error.status === status && error.code === code;

for (const [name, makeTarget] of CONTRACT_TARGETS) {
  describe(`SDK advisor contract against the ${name}`, { timeout: 600_000 }, () => {
    let target: ContractTarget;
    let clients: Record<ContractRole | 'guest', EntraideClient>;
    let categoryId: number;

    before(async () => {
      target = await makeTarget();
      const roles = ['newcomer', 'member', 'other', 'advisor', 'otherAdvisor', 'moderator'] as const;
      clients = { guest: target.client(), ...Object.fromEntries(roles.map((role) => [role, target.client(role)])) } as typeof clients;
      categoryId = (await clients.guest.community.get()).categories[0]!.id;
    });
    after(() => target.close());

    const ask = async (title: string, who: ContractRole = 'newcomer') =>
      (await clients[who].threads.create({ categoryId, title, body: 'Bonjour à tous, une question ?' })).thread;
    const queueItem = async (threadId: number) => (await clients.advisor.agent.queue({ categoryId, limit: 200 })).items.find((item) => item.thread.id === threadId);

    it('lists an advisor-now thread in the act-now group, before every other group', async () => {
      const thread = await ask('Accès à mon compte bloqué');
      const marked = await clients.advisor.agent.markUrgent(thread.id);
      assert.equal(marked.holdback?.state, 'advisor-now');
      const queue = await clients.advisor.agent.queue({ categoryId, limit: 200 });
      const item = queue.items.find((candidate) => candidate.thread.id === thread.id);
      assert.equal(item?.kind, 'advisor-now');
      assert.equal(item?.holdback, 'advisor-now');
      assert.equal(item?.msLeft, null);
      assert.ok((item?.msOverdue ?? -1) >= 0);
      const order = ['advisor-now', 'advisor-due', 'awaiting-confirmation', 'flagged-post'];
      const ranks = queue.items.map((candidate) => order.indexOf(candidate.kind));
      assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b));
    });

    it('puts a question that needs the customer’s account in the act-now group at once', async () => {
      const { thread } = await clients.newcomer.threads.create({ categoryId, title: 'Changer mon RIB', body: 'Mon compte, svp.', needsAccount: true });
      assert.equal(thread.holdback?.state, 'advisor-now');
      const item = await queueItem(thread.id);
      assert.deepEqual([item?.kind, item?.thread.needsAccount, item?.hasCommunityAnswer], ['advisor-now', true, false]);
    });

    it('takes the advisor-now mark off: a fresh thread is the community’s again', async () => {
      const thread = await ask('Marqué urgent par erreur');
      await clients.advisor.agent.markUrgent(thread.id);
      const unmarked = await clients.advisor.agent.markUrgent(thread.id, false);
      assert.equal(unmarked.holdback?.state, 'community-time');
      assert.equal(await queueItem(thread.id), undefined);
    });

    it('gives thread reads their holdback: three hours of community time', async () => {
      const thread = await ask('Combien de temps attendre ?');
      const read = (await clients.guest.threads.get(thread.id)).thread;
      assert.equal(read.holdback?.state, 'community-time');
      assert.equal(Date.parse(read.holdback?.dueAt ?? '') - Date.parse(read.createdAt), 3 * 3_600_000);
      const listed = (await clients.guest.threads.list({ categoryId, sort: 'newest' })).items.find((candidate) => candidate.id === thread.id);
      assert.deepEqual(listed?.holdback, read.holdback);
    });

    it('lists a community answer awaiting confirmation until staff has the last word', async () => {
      const thread = await ask('Comment activer la messagerie vocale ?');
      assert.equal(await queueItem(thread.id), undefined);
      await clients.member.posts.reply(thread.id, { body: 'Composez le 888 depuis votre mobile.' });
      const item = await queueItem(thread.id);
      assert.equal(item?.kind, 'awaiting-confirmation');
      assert.equal(item?.holdback, 'community-time');
      assert.equal(item?.hasCommunityAnswer, true);
      assert.ok((item?.msLeft ?? 0) > 0);
      assert.equal(item?.msOverdue, null);
      await clients.advisor.posts.reply(thread.id, { body: 'Bonjour à tous, je confirme : le 888.' });
      assert.equal(await queueItem(thread.id), undefined);
    });

    it('lists a flagged post after the threads, with its flag weight', async () => {
      const thread = await ask('Réponse signalée');
      const reply = await clients.member.posts.reply(thread.id, { body: 'Achetez ici : lien douteux.' });
      await clients.other.posts.flag(reply.id, { reason: 'spam' });
      const queue = await clients.advisor.agent.queue({ categoryId, limit: 200 });
      const flagged = queue.items.find((item) => item.kind === 'flagged-post' && item.postId === reply.id);
      assert.deepEqual([flagged?.thread.id, flagged?.holdback, flagged?.hasCommunityAnswer, flagged?.msLeft], [thread.id, 'advisor-now', false, null]);
      assert.ok((flagged?.flagWeight ?? 0) >= 1);
      assert.equal(queue.items.at(-1)?.kind, 'flagged-post');
    });

    it('refuses the advisor tools to members (403) and guests (401)', async () => {
      const thread = await ask('Question pour les droits');
      const calls = (client: EntraideClient) => [
        () => client.agent.queue(), () => client.agent.alerts(), () => client.agent.experts({ threadId: thread.id }), () => client.metrics.get(),
        () => client.agent.markUrgent(thread.id), () => client.incidents.create({ title: 'Panne', bannerText: 'Panne en cours.', threadIds: [] }),
      ];
      for (const call of calls(clients.member)) await assert.rejects(call(), refusedWith(403, 'forbidden'));
      for (const call of calls(clients.guest)) await assert.rejects(call(), refusedWith(401, 'unauthorized'));
    });

    it('lets moderators watch the queue and the metrics, not triage or declare incidents', async () => {
      const thread = await ask('Question pour la modération');
      assert.ok(Array.isArray((await clients.moderator.agent.queue()).items));
      assert.equal(typeof (await clients.moderator.metrics.get()).threads, 'number');
      await assert.rejects(clients.moderator.agent.markUrgent(thread.id), refusedWith(403, 'forbidden'));
      await assert.rejects(clients.moderator.agent.alerts(), refusedWith(403, 'forbidden'));
      await assert.rejects(clients.moderator.incidents.create({ title: 'Panne', bannerText: 'Panne en cours.', threadIds: [] }), refusedWith(403, 'forbidden'));
    });

    it('answers 404 for unknown threads and incidents, 400 for bad input', async () => {
      await assert.rejects(clients.advisor.agent.markUrgent(999_999), refusedWith(404, 'not_found'));
      await assert.rejects(clients.advisor.agent.experts({ threadId: 999_999 }), refusedWith(404, 'not_found'));
      await assert.rejects(clients.guest.incidents.get(999_999), refusedWith(404, 'not_found'));
      await assert.rejects(clients.advisor.incidents.create({ title: 'Panne', bannerText: 'Panne.', threadIds: [999_999] }), refusedWith(404, 'not_found'));
      await assert.rejects(clients.advisor.incidents.create({ title: 'P', bannerText: 'Panne en cours.', threadIds: [] }), refusedWith(400, 'validation_failed'));
      await assert.rejects(clients.advisor.agent.alerts({ threshold: 1 }), refusedWith(400, 'validation_failed'));
      const later = new Date().toISOString();
      await assert.rejects(clients.advisor.metrics.get({ from: later, to: new Date(Date.now() - 60_000).toISOString() }), refusedWith(400, 'validation_failed'));
    });

    it('declares, updates and resolves an incident, live on every stream', async () => {
      const thread = await ask('Plus de réseau ce matin');
      const received: LiveEvent[] = [];
      const stop = clients.guest.events.subscribe({ threadId: thread.id }, (event) => received.push(event));
      try {
        await waitUntilLive(clients.member, thread.id, received);
        const incidentEvent = (id: number, status: string) => () =>
          received.some((event) => event.type === 'incident-updated' && event.incident.id === id && event.incident.status === status);
        const created = await clients.advisor.incidents.create({ title: 'Panne réseau', bannerText: 'Réseau perturbé à Lyon.', categoryId, region: 'Rhône', threadIds: [thread.id] });
        assert.deepEqual([created.status, created.active, created.threadIds, created.updates, created.region], ['investigating', true, [thread.id], [], 'Rhône']);
        await waitFor(incidentEvent(created.id, 'investigating'), 'the declaration');
        const identified = await clients.advisor.incidents.update(created.id, { text: 'Antenne en panne.', status: 'identified' });
        assert.deepEqual([identified.status, identified.updates.map((update) => update.text)], ['identified', ['Antenne en panne.']]);
        await waitFor(incidentEvent(created.id, 'identified'), 'the update');
        assert.ok((await clients.guest.incidents.list({ active: true })).items.some((incident) => incident.id === created.id));
        const resolved = await clients.otherAdvisor.incidents.update(created.id, { text: 'Réseau rétabli.', status: 'resolved' });
        assert.deepEqual([resolved.active, resolved.status, typeof resolved.resolvedAt], [false, 'resolved', 'string']);
        await waitFor(incidentEvent(created.id, 'resolved'), 'the resolution');
        const last = received.filter((event) => event.type === 'incident-updated').at(-1);
        assert.deepEqual(last?.type === 'incident-updated' && last.incident, { id: created.id, title: 'Panne réseau', bannerText: 'Réseau perturbé à Lyon.', status: 'resolved', active: false });
        assert.ok(!(await clients.guest.incidents.list({ active: true })).items.some((incident) => incident.id === created.id));
        assert.equal((await clients.guest.incidents.get(created.id)).updates.length, 2);
        await assert.rejects(clients.advisor.incidents.update(created.id, { text: 'De nouveau en panne.', status: 'investigating' }), refusedWith(409, 'conflict'));
        await assert.rejects(clients.member.incidents.update(created.id, { text: 'Je confirme.', status: 'identified' }), refusedWith(403, 'forbidden'));
      } finally {
        stop();
      }
    });

    it('raises a collective-problem alert from threads and same-problem marks of one topic', async () => {
      const first = await ask('Zorglubix hors service');
      const second = await ask('Zorglubix hors service aussi', 'other');
      await clients.member.threads.markSameProblem(first.id);
      const alerts = await clients.advisor.agent.alerts({ threshold: 3, windowMinutes: 60 });
      const alert = alerts.items.find((candidate) => candidate.keywords.includes('zorglubix'));
      assert.deepEqual([alerts.threshold, alerts.windowMinutes], [3, 60]);
      assert.deepEqual([alert?.categoryId, alert?.count, alert?.threadIds, alert?.region], [categoryId, 3, [first.id, second.id].sort((a, b) => a - b), null]);
      assert.ok(alert && Date.parse(alert.firstAt) <= Date.parse(alert.lastAt));
      const stricter = await clients.advisor.agent.alerts({ threshold: 4, windowMinutes: 60 });
      assert.ok(!stricter.items.some((candidate) => candidate.keywords.includes('zorglubix')));
    });

    it('suggests the members whose answers were accepted in the category', async () => {
      const solved = await ask('Quel code pour la messagerie ?');
      const answer = await clients.member.posts.reply(solved.id, { body: 'Le 888, depuis votre mobile.' });
      await clients.newcomer.threads.acceptSolution(solved.id, answer.id);
      const open = await ask('Messagerie muette depuis hier', 'other');
      const experts = await clients.advisor.agent.experts({ threadId: open.id, days: 7 });
      const expert = experts.items.find((item) => item.member.id === answer.author.id);
      assert.equal(experts.categoryId, categoryId);
      assert.ok(expert && expert.acceptedCount >= 1);
      assert.ok(expert && Date.parse(expert.lastPostAt) >= Date.parse(answer.createdAt));
      assert.ok(experts.items.every((item) => item.member.role === 'member'));
    });

    it('counts community first answers in the metrics', async () => {
      // Threads of the earlier tests were asked before `from`: the range holds only this one.
      await new Promise((resolve) => setTimeout(resolve, 5));
      const from = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 5));
      const thread = await ask('Question pour les chiffres');
      await clients.member.posts.reply(thread.id, { body: 'Voici la réponse.' });
      const metrics = await clients.advisor.metrics.get({ from, categoryId });
      assert.deepEqual(Object.keys(metrics).sort(), ['acceptedAnswers', 'advisors', 'categories', 'circles', 'firstAnswers', 'from', 'medianFirstAnswerMs', 'solved', 'solvedRate', 'threads', 'to']);
      assert.deepEqual([metrics.threads, metrics.solved, metrics.solvedRate], [1, 0, 0]);
      assert.deepEqual(metrics.firstAnswers, { total: 1, byMembers: 1, byAdvisors: 0, memberShare: 1 });
      assert.deepEqual(metrics.acceptedAnswers, { total: 0, byMembers: 0, byAdvisors: 0, memberShare: null });
      assert.ok((metrics.medianFirstAnswerMs.members ?? -1) >= 0);
      assert.equal(metrics.medianFirstAnswerMs.advisors, null);
      assert.deepEqual(metrics.categories, [{ categoryId, threads: 1, solved: 0, firstAnswersByMembers: 1, firstAnswersByAdvisors: 0 }]);
      assert.deepEqual(metrics.circles, { core: 0, occasional: 1, 'one-time-asker': 1 });
      assert.ok(metrics.advisors.length >= 2 && metrics.advisors.every((row) => row.posts === 0 && row.accepted === 0 && typeof row.advisor.pseudonym === 'string'));
    });
  });
}

/** The stream is open once one of our own replies comes back through it. */
async function waitUntilLive(poster: EntraideClient, threadId: number, received: LiveEvent[]): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const post = await poster.posts.reply(threadId, { body: `Ping ${attempt}` });
    const end = Date.now() + 250;
    while (Date.now() < end) {
      if (received.some((event) => event.type === 'post-created' && event.post.id === post.id)) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
  throw new Error('the live stream never opened');
}
