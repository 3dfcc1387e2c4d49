/**
 * Contract suite of the admin area (`client.admin`): a brand sets up its community without the
 * demo — settings, categories, ranks, trusted members, team — and the mocks and the real server
 * answer the same. Every change is audited with before and after; bad input is a typed 4xx
 * that leaves nothing half-written.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_RANK_LADDER, ladderForAdmin } from '../../src/core/index.ts';
import { CONTRACT_TARGETS, codeOf, useCast } from '../helpers/contract-targets.ts';

for (const [name, makeTarget] of CONTRACT_TARGETS) {
  describe(`admin contract against the ${name}`, { timeout: 600_000 }, () => {
    const cast = useCast(makeTarget);
    const { clients } = cast;

    it('changes the community’s name, locales, jargon and thresholds; the forum and the alerts follow; the audit keeps before and after', async () => {
      const { admin, guest, advisor } = clients;
      const before = await admin.admin.community();
      assert.equal(before.jargonIsDefault, true);
      assert.equal(before.collectiveIsDefault, true);
      const after = await admin.admin.updateCommunity({ name: '  Volta Entraide  ', locales: ['fr'], jargon: ['APN', 'PUK'], collective: { threshold: 3, windowMinutes: 60 } });
      assert.equal(after.name, 'Volta Entraide');
      assert.deepEqual(after.locales, ['fr']);
      assert.deepEqual([after.jargon, after.jargonIsDefault], [['APN', 'PUK'], false]);
      const forum = await guest.community.get();
      assert.deepEqual([forum.name, forum.locales, forum.jargon], ['Volta Entraide', ['fr'], ['APN', 'PUK']]);
      const alerts = await advisor.agent.alerts();
      assert.deepEqual([alerts.threshold, alerts.windowMinutes], [3, 60]);
      const { items } = await admin.audit.list({ targetType: 'community' });
      const entry = items.find((item) => item.action === 'community.update')!;
      assert.deepEqual(entry.before, { name: before.name, locales: before.locales, jargon: before.jargon, collective: before.collective });
      assert.deepEqual(entry.after, { name: 'Volta Entraide', locales: ['fr'], jargon: ['APN', 'PUK'], collective: { threshold: 3, windowMinutes: 60 } });
      const reset = await admin.admin.updateCommunity({ jargon: null, collective: null, locales: ['fr', 'en'] });
      assert.deepEqual([reset.jargonIsDefault, reset.collectiveIsDefault], [true, true]);
      assert.equal((await advisor.agent.alerts()).threshold, 5);
    });

    it('refuses a default locale the forum does not offer, an empty change and a blank name, changing nothing', async () => {
      const { admin } = clients;
      const before = await admin.admin.community();
      assert.equal(await codeOf(admin.admin.updateCommunity({ locale: 'en', locales: ['fr'] })), '400 validation_failed');
      assert.equal(await codeOf(admin.admin.updateCommunity({})), '400 validation_failed');
      assert.equal(await codeOf(admin.admin.updateCommunity({ name: '   ' })), '400 validation_failed');
      assert.equal(await codeOf(admin.admin.updateCommunity({ name: 'Bad\u0007name' })), '400 validation_failed');
      assert.deepEqual(await admin.admin.community(), before);
    });

    it('creates a category from its name, lists it last, and members ask in it; a taken slug is a 409', async () => {
      const { admin, guest, newcomer } = clients;
      const created = await admin.admin.createCategory({ name: { fr: 'Réseau & 5G', en: 'Network & 5G' }, description: { fr: 'Couverture, débit' }, holdbackMinutes: 60 });
      assert.equal(created.slug, 'reseau-5g');
      assert.deepEqual([created.holdbackMinutes, created.accountAccess, created.archived], [60, 'asker', false]);
      const forum = await guest.community.get({ locale: 'en' });
      assert.equal(forum.categories.at(-1)!.name, 'Network & 5G');
      assert.equal(forum.categories.at(-1)!.description, 'Couverture, débit');
      const asked = await newcomer.threads.create({ categoryId: created.id, title: 'Pas de 5G à Rennes', body: 'Depuis hier, plus de 5G.' });
      assert.equal(asked.thread.categoryId, created.id);
      assert.equal(await codeOf(admin.admin.createCategory({ name: { fr: 'Réseau 5G' }, slug: 'reseau-5g' })), '409 conflict');
      assert.equal(await codeOf(admin.admin.createCategory({ name: { en: 'Only English' } })), '400 validation_failed');
      assert.equal(await codeOf(admin.admin.createCategory({ name: { fr: '!!!' } })), '400 validation_failed');
    });

    it('sets a category’s account rule: "always" sends every new question to the advisors at once', async () => {
      const { admin, newcomer } = clients;
      const category = await admin.admin.createCategory({ name: { fr: 'Litiges de facturation' }, accountAccess: 'always' });
      const { thread } = await newcomer.threads.create({ categoryId: category.id, title: 'Facture en double', body: 'On m’a prélevé deux fois.' });
      assert.equal(thread.holdback?.state, 'advisor-now');
      const changed = await admin.admin.updateCategory(category.id, { accountAccess: 'never', holdbackMinutes: 240 });
      assert.deepEqual([changed.accountAccess, changed.holdbackMinutes], ['never', 240]);
      const second = await newcomer.threads.create({ categoryId: category.id, title: 'Facture trop élevée', body: 'Ma facture a doublé.', needsAccount: true });
      assert.equal(second.thread.holdback?.state, 'community-time');
    });

    it('archives a category: gone from the forum, no new question, its threads still readable; restoring brings it back', async () => {
      const { admin, guest, newcomer } = clients;
      const category = await admin.admin.createCategory({ name: { fr: 'Ancienne offre' } });
      const { thread } = await newcomer.threads.create({ categoryId: category.id, title: 'Mon ancienne offre', body: 'Est-elle encore valable ?' });
      const archived = await admin.admin.updateCategory(category.id, { archived: true });
      assert.equal(archived.archived, true);
      assert.ok(!(await guest.community.get()).categories.some((item) => item.id === category.id));
      assert.equal((await guest.threads.get(thread.id)).thread.id, thread.id);
      assert.equal(await codeOf(newcomer.threads.create({ categoryId: category.id, title: 'Encore une question', body: 'Est-ce possible ?' })), '409 conflict');
      assert.ok((await admin.admin.categories()).items.some((item) => item.id === category.id && item.archived));
      await admin.admin.updateCategory(category.id, { archived: false });
      assert.ok((await guest.community.get()).categories.some((item) => item.id === category.id));
      const { items } = await admin.audit.list({ targetType: 'category', targetId: category.id });
      assert.deepEqual(items.map((item) => item.action), ['category.restore', 'category.archive', 'category.create']);
    });

    it('reorders every category, and refuses a list that misses or invents one', async () => {
      const { admin, guest } = clients;
      const ids = (await admin.admin.categories()).items.map((item) => item.id);
      const reversed = [...ids].reverse();
      const { items } = await admin.admin.reorderCategories(reversed);
      assert.deepEqual(items.map((item) => item.id), reversed);
      assert.deepEqual(items.map((item) => item.position), reversed.map((_, index) => index));
      const visible = (await guest.community.get()).categories.map((item) => item.id);
      assert.deepEqual(visible, reversed.filter((id) => visible.includes(id)));
      assert.equal(await codeOf(admin.admin.reorderCategories(reversed.slice(1))), '400 validation_failed');
      assert.equal(await codeOf(admin.admin.reorderCategories([...reversed.slice(1), 999_999])), '400 validation_failed');
      assert.deepEqual((await admin.admin.categories()).items.map((item) => item.id), reversed);
    });

    it('previews a rank ladder with how many members each level would hold, saves it, and post headers show the new names', async () => {
      const { admin, guest } = clients;
      const view = await admin.admin.ranks();
      assert.equal(view.isDefault, true);
      assert.equal(view.members.length, view.ladder.steps.length);
      const total = view.members.reduce((sum, count) => sum + count, 0);
      assert.ok(total >= 3, `${total} members counted`);
      const ladder = {
        weights: { post: 1, acceptedAnswer: 10, kudos: 2, confirmedAnswer: 10 },
        steps: [
          { names: { fr: 'Nouveau', en: 'Newcomer' }, minScore: 0, minDays: 0 },
          { names: { fr: 'Habitué', en: 'Regular' }, minScore: 20, minDays: 0 },
          { names: { fr: 'Expert', en: 'Expert' }, minScore: 5000, minDays: 100 },
        ],
      };
      const preview = await admin.admin.previewRanks(ladder);
      assert.equal(preview.members.reduce((sum, count) => sum + count, 0), total);
      assert.equal(preview.members[2], 1, 'only the 12,418-post helper is an expert');
      const saved = await admin.admin.updateRanks(ladder);
      assert.deepEqual([saved.isDefault, saved.members], [false, preview.members]);
      const helperId = cast.ids.member;
      assert.equal((await guest.members.get(helperId)).rank.name, 'Expert');
      assert.equal(await codeOf(admin.admin.updateRanks({ ...ladder, steps: [{ names: { fr: 'Nouveau' }, minScore: 5, minDays: 0 }] })), '400 validation_failed');
      assert.equal(await codeOf(admin.admin.previewRanks({ ...ladder, steps: [ladder.steps[0]!, { names: { en: 'No French' }, minScore: 1, minDays: 0 }] })), '400 validation_failed');
      assert.equal(await codeOf(admin.admin.updateRanks({ ...ladder, steps: [ladder.steps[0]!, ladder.steps[2]!, ladder.steps[1]!] })), '400 validation_failed');
      assert.deepEqual((await admin.admin.ranks()).members, preview.members);
      await admin.admin.updateRanks(ladderForAdmin(DEFAULT_RANK_LADDER, 'fr'));
    });

    it('lists trusted members and finds members by the start of their pseudonym (wildcards are literal)', async () => {
      const { admin, moderator } = clients;
      await moderator.moderation.grant(cast.ids.member, 'review-flags');
      const { items } = await admin.admin.trusted();
      assert.deepEqual(items.map((item) => [item.member.id, item.powers]), [[cast.ids.member, ['review-flags']]]);
      const found = await admin.admin.searchMembers('pi');
      assert.deepEqual(found.items.map((item) => item.pseudonym), ['Pix37']);
      assert.deepEqual((await admin.admin.searchMembers('%')).items, []);
      assert.deepEqual((await admin.admin.searchMembers('_')).items, []);
    });

    it('sets advisors’ teams and categories of expertise; members have no team; unknown categories are a 404', async () => {
      const { admin } = clients;
      const team = await admin.admin.team();
      assert.ok(team.teams.includes('commercial'));
      const advisorRow = team.items.find((item) => item.member.id === cast.ids.advisor)!;
      assert.deepEqual(advisorRow.expertiseCategoryIds, []);
      const updated = await admin.admin.updateTeamMember(cast.ids.advisor, { team: 'Facturation', expertiseCategoryIds: [cast.categoryId] });
      assert.deepEqual([updated.member.team, updated.expertiseCategoryIds], ['Facturation', [cast.categoryId]]);
      assert.equal(await codeOf(admin.admin.updateTeamMember(cast.ids.advisor, { expertiseCategoryIds: [999_999] })), '404 not_found');
      assert.equal(await codeOf(admin.admin.updateTeamMember(cast.ids.member, { team: 'x' })), '409 conflict');
      assert.equal(await codeOf(admin.admin.updateTeamMember(cast.ids.moderator, { expertiseCategoryIds: [cast.categoryId] })), '409 conflict');
      assert.deepEqual((await admin.admin.team()).items.find((item) => item.member.id === cast.ids.advisor)!.expertiseCategoryIds, [cast.categoryId]);
      const { items } = await admin.audit.list({ targetType: 'member', targetId: cast.ids.advisor });
      assert.deepEqual(items[0]!.before, { team: 'commercial', expertiseCategoryIds: [] });
    });

    it('refuses everyone but the admin before reading anything', async () => {
      for (const role of ['guest', 'newcomer', 'advisor', 'moderator'] as const) {
        const expected = role === 'guest' ? '401 unauthorized' : '403 forbidden';
        assert.equal(await codeOf(clients[role].admin.community()), expected, role);
        assert.equal(await codeOf(clients[role].admin.updateCategory(999_999, { archived: true })), expected, role);
      }
    });
  });
}
