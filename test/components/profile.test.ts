import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { EntraideProfile } from '../../src/components/profile/profile.ts';
import '../../src/components/profile/profile.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, pick, queryAllDeep, queryDeep, textOf, waitForDeep, waitForText } from './helpers.ts';

/** A demo member by pseudonym, with how many public questions and answers they have. */
function member(forum: Awaited<ReturnType<typeof mockForum>>, pseudonym: string) {
  return pick<{ id: number; answers: number; questions: number }>(
    forum,
    `select m.id,
       (select count(*)::int from posts p join threads t on t.id = p.thread_id where p.author_id = m.id and p.kind = 'reply' and not p.hidden and p.deleted_at is null and t.merged_into_id is null) as answers,
       (select count(*)::int from threads t where t.author_id = m.id and t.merged_into_id is null) as questions
     from members m where m.pseudonym = $1`,
    [pseudonym],
  );
}

describe('<entraide-profile>', () => {
  describe('for a ranked member with a next step', () => {
    it('shows the status, the progress with its public criteria, the counts and the join date, and is accessible', async () => {
      const forum = await mockForum();
      const { id } = await member(forum, DEMO_PEOPLE.secondHelper);
      const profile = await mount<EntraideProfile>(html`<entraide-profile member-id=${id}></entraide-profile>`, { locale: 'en' });

      await waitForDeep(profile, '[part="progress"] progress');
      const text = textOf(profile);
      expect(text).to.contain(`${DEMO_PEOPLE.secondHelper}’s profile`);
      expect(text).to.match(/Next status: .+ \(level \d+\)/);
      expect(text).to.match(/[\d,]+ of [\d,]+ points/);
      expect(text).to.contain('per accepted answer');
      expect(text).to.match(/Member since \w+ \d{4}/);
      expect(queryDeep(profile, 'entraide-rank-badge')).to.not.equal(undefined);
      await waitForDeep(profile, '[part="answers"] li');
      await expectAccessible(profile);
    });

    it('lists the answers a page at a time, with their thread links, and loads more from the keyboard', async () => {
      const forum = await mockForum();
      const { id, answers } = await member(forum, DEMO_PEOPLE.topHelper);
      expect(answers).to.be.greaterThan(3);
      const profile = await mount<EntraideProfile>(html`<entraide-profile member-id=${id} page-size="3"></entraide-profile>`, { locale: 'fr' });

      const more = await waitForDeep<HTMLButtonElement>(profile, '[part="answers"] [part="more"]');
      expect(queryAllDeep(profile, '[part="answers"] li')).to.have.length(3);
      expect(queryAllDeep<HTMLAnchorElement>(profile, '[part="answers"] li a')[0]!.getAttribute('href')).to.match(/^#\/t\/\d+(-[a-z0-9-]+)?#post-\d+$/);
      more.focus();
      await sendKeys({ press: 'Enter' });
      await waitForText(profile, /Voir plus|Chargement/);
      await waitUntilItems(profile, 6);
    });
  });

  describe('for a newcomer', () => {
    it('says they have no answer yet, in French', async () => {
      const forum = await mockForum();
      const newcomer = await pick<{ id: number }>(forum, `insert into members (community_id, external_id, pseudonym, role) select id, 'test:newcomer', 'Nouvelle-venue', 'member' from communities limit 1 returning id`);
      const profile = await mount<EntraideProfile>(html`<entraide-profile member-id=${newcomer.id}></entraide-profile>`, { locale: 'fr' });

      await waitForText(profile, 'Aucune réponse pour l’instant.');
      expect(textOf(profile)).to.contain('Aucune question pour l’instant.');
      expect(textOf(profile)).to.match(/Prochain statut\s: .+ \(niveau 2\)/);
      await expectAccessible(profile);
    });
  });

  describe('when the member does not exist or the API fails', () => {
    it('says the member does not exist, with a way back and no retry', async () => {
      await mockForum();
      const profile = await mount<EntraideProfile>(html`<entraide-profile member-id="999999"></entraide-profile>`, { locale: 'en' });

      await waitForText(profile, 'This member does not exist, or no longer does.');
      expect(queryDeep(profile, '[part="error"] a')!.getAttribute('href')).to.equal('#/');
      expect(queryDeep(profile, '[part="error"] button')).to.equal(undefined);
      await expectAccessible(profile);
    });

    it('offers a retry after a server error, which recovers', async () => {
      const forum = await mockForum({ failures: { getMember: 500 } });
      const { id } = await member(forum, DEMO_PEOPLE.asker);
      const profile = await mount<EntraideProfile>(html`<entraide-profile member-id=${id}></entraide-profile>`, { locale: 'en' });

      const retry = await waitForDeep<HTMLButtonElement>(profile, '[part="error"] button');
      delete forum.failures.getMember;
      retry.click();
      await waitForText(profile, `${DEMO_PEOPLE.asker}’s profile`);
    });
  });
});

async function waitUntilItems(profile: EntraideProfile, n: number): Promise<void> {
  const { waitUntil } = await import('@open-wc/testing');
  await waitUntil(() => queryAllDeep(profile, '[part="answers"] li').length >= n, `${n} answers`, { timeout: 10_000 });
}
