/** <entraide-admin-webhooks>: the community's webhooks, their secrets shown once, and their delivery log. */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { EntraideAdminWebhooks } from '../../src/components/admin-webhooks/admin-webhooks.ts';
import '../../src/components/admin-webhooks/admin-webhooks.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import type { MockForumOptions } from '../../src/mocks/index.ts';
import { DEMO_PEOPLE, describeNode, expectAccessible, mockForum, mount, textOf, type MockForum } from './helpers.ts';

const ADMIN = 'Camille-Volta';
const HOOK = 'https://hooks.example.com/entraide';

const $ = <E extends Element = HTMLElement>(el: EntraideAdminWebhooks, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const card = (el: EntraideAdminWebhooks, webhookId: number) => $(el, `[part="webhook"][data-webhook-id="${webhookId}"]`);
const adminClient = async (forum: MockForum) => createEntraideClient({ baseUrl: '/api', token: (await forum.member(ADMIN)).token, retry: false });

async function mountWebhooks(forum: MockForum, pseudonym: string | undefined = ADMIN, options: { width?: string; locale?: 'fr' | 'en' } = {}) {
  const el = await mount<EntraideAdminWebhooks>(html`<entraide-admin-webhooks></entraide-admin-webhooks>`, {
    locale: options.locale ?? 'en', width: options.width, as: pseudonym ? await forum.member(pseudonym) : undefined,
  });
  await waitUntil(() => $(el, '[part="add"], [part="add-form"], [part="error"], [part="refused"]'), 'the webhooks never loaded', { timeout: 3000 });
  return el;
}

function type(el: EntraideAdminWebhooks, selector: string, value: string): void {
  const input = $<HTMLInputElement>(el, selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

const click = async (el: EntraideAdminWebhooks, selector: string) => {
  $<HTMLButtonElement>(el, selector)!.click();
  await el.updateComplete;
};

describe('<entraide-admin-webhooks>', () => {
  describe('when signed in as the demo admin', () => {
    let forum: MockForum;
    const fresh = async (options: Pick<MockForumOptions, 'failures'> = {}) => (forum = await mockForum(options));

    it('starts empty, and adds a webhook from the keyboard: the secret is shown once, then only its last four characters', async () => {
      await fresh();
      const el = await mountWebhooks(forum);
      expect(textOf($(el, '[part="empty"]')!)).to.equal('No webhook yet.');
      await expectAccessible(el);

      $<HTMLButtonElement>(el, '[part="add"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.shadowRoot!.activeElement?.id === 'webhook-url', 'the URL field did not take the focus');
      await sendKeys({ type: 'ftp://hooks.example.com' });
      await click(el, '[part="create"]');
      expect($(el, '#webhook-url')!.getAttribute('aria-invalid')).to.equal('true');
      expect(textOf($(el, '#webhook-url-error')!)).to.equal('The address must start with http:// or https://.');
      expect(describeNode(el.shadowRoot!.activeElement)).to.equal('<input#webhook-url>');
      await expectAccessible(el);

      type(el, '#webhook-url', HOOK);
      type(el, '#webhook-description', 'CRM de la marque');
      await el.updateComplete;
      expect($(el, '#webhook-url-error')).to.equal(null);
      $<HTMLButtonElement>(el, '[part="create"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $(el, '[part="secret"]'), 'the secret was not shown');

      const secret = $<HTMLInputElement>(el, '[part="secret-value"]')!.value;
      expect(secret).to.match(/^whsec_[0-9a-f]{64}$/);
      expect(textOf($(el, '[part="secret-warning"]')!)).to.contain('it will never be shown again');
      expect(describeNode(el.shadowRoot!.activeElement)).to.equal(`<input#secret-${(await (await adminClient(forum)).webhooks.list()).items[0]!.id}[part="secret-value"]>`);
      await click(el, '[part="copy-secret"]');
      await waitUntil(() => /Secret copied|Copying failed/.test(textOf($(el, '[part="secret"]')!)), 'the copy said nothing');
      await expectAccessible(el);

      await click(el, '[part="secret-done"]');
      expect($(el, '[part="secret"]')).to.equal(null);
      expect(textOf($(el, '[part="secret-hint"]')!)).to.contain(`Secret …${secret.slice(-4)}`);
      expect(textOf(el)).to.not.contain(secret.slice(6, 30));
      const { items } = await (await adminClient(forum)).webhooks.list();
      expect(items.map((item) => [item.url, item.description, item.enabled])).to.deep.equal([[HOOK, 'CRM de la marque', true]]);

      // Mounted again: the secret is nowhere.
      const again = await mountWebhooks(forum);
      expect(textOf(again)).to.contain(HOOK).and.to.not.contain(secret.slice(6, 30));
    });

    it('puts the server’s refusal of a private address under the URL field', async () => {
      await fresh();
      const el = await mountWebhooks(forum);
      await click(el, '[part="add"]');
      type(el, '#webhook-url', 'http://10.0.0.7/hook');
      await click(el, '[part="create"]');
      await waitUntil(() => $(el, '#webhook-url-error'), 'the refusal was not shown');
      expect(textOf($(el, '#webhook-url-error')!)).to.equal('This server does not send to a private or local network: give a public address.');
      expect((await (await adminClient(forum)).webhooks.list()).items).to.deep.equal([]);
    });

    it('rotates the secret after a confirmation and shows the new one once', async () => {
      await fresh();
      const api = await adminClient(forum);
      const { webhook, secret } = await api.webhooks.create({ url: HOOK });
      const el = await mountWebhooks(forum);
      await click(el, `[data-webhook-id="${webhook.id}"] [part="rotate"]`);
      expect(textOf($(el, '[part="rotate-form"]')!)).to.contain(`Rotate the secret of ${HOOK}?`);
      expect(describeNode(el.shadowRoot!.activeElement)).to.equal('<input>');
      await click(el, '[part="confirm-rotate"]');
      await waitUntil(() => $(el, '[part="secret-value"]'), 'the new secret was not shown');
      const rotated = $<HTMLInputElement>(el, '[part="secret-value"]')!.value;
      expect(rotated).to.match(/^whsec_/).and.to.not.equal(secret);
      expect(textOf(card(el, webhook.id)!)).to.contain(`Secret …${rotated.slice(-4)}`).and.to.contain('the previous secret also signs until');
      expect(textOf($(el, '[part="notice"]')!)).to.equal('Secret rotated.');
      await expectAccessible(el);
    });

    it('disables and enables a webhook, and deletes one after a confirmation that starts on Cancel', async () => {
      await fresh();
      const api = await adminClient(forum);
      const { webhook } = await api.webhooks.create({ url: HOOK, description: 'À supprimer' });
      const el = await mountWebhooks(forum);
      await click(el, '[part="toggle"]');
      await waitUntil(() => textOf($(el, '[part="state"]')!) === 'Disabled', 'not disabled');
      expect((await api.webhooks.list()).items[0]!.enabled).to.equal(false);
      await click(el, '[part="toggle"]');
      await waitUntil(() => textOf($(el, '[part="state"]')!) === 'Active', 'not enabled again');

      await click(el, '[part="delete"]');
      await el.updateComplete;
      expect(textOf(el.shadowRoot!.activeElement as HTMLElement)).to.equal('Cancel');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect($(el, '[part="delete-form"]')).to.equal(null);
      expect(describeNode(el.shadowRoot!.activeElement)).to.equal('<button[part="delete"]>');
      await click(el, '[part="delete"]');
      await click(el, '[part="confirm-delete"]');
      await waitUntil(() => !card(el, webhook.id), 'the webhook stayed');
      expect(textOf($(el, '[part="empty"]')!)).to.equal('No webhook yet.');
      expect((await api.webhooks.list()).items).to.deep.equal([]);
    });

    it('shows the delivery log with status chips, errors and tries, and retries a failed delivery', async () => {
      await fresh();
      const api = await adminClient(forum);
      const { webhook } = await api.webhooks.create({ url: HOOK });
      const advisor = createEntraideClient({ baseUrl: '/api', token: (await forum.member(DEMO_PEOPLE.commercialAdvisor)).token, retry: false });
      await advisor.incidents.create({ title: 'Panne fibre Lyon', bannerText: 'Panne en cours à Lyon.', threadIds: [] });
      // The mocks never send: the delivery is made to have failed five times.
      await forum.db.query(`update webhook_deliveries set attempts = 5, failed_at = now(), last_error = 'HTTP 503' where webhook_id = $1`, [webhook.id]);
      const el = await mountWebhooks(forum);
      expect(textOf($(el, '[part="failed-count"]')!)).to.equal('1 failed');

      await click(el, '[part="show-log"]');
      expect($(el, '[part="show-log"]')!.getAttribute('aria-expanded')).to.equal('true');
      await waitUntil(() => $(el, '[part="delivery"]'), 'the log did not load');
      const delivery = $(el, '[part="delivery"]')!;
      expect(textOf(delivery)).to.contain('Failed').and.to.contain('incident.created').and.to.contain('5 attempts').and.to.contain('HTTP 503');
      await expectAccessible(el);

      await click(el, '[part="retry-delivery"]');
      await waitUntil(() => $(el, '[part="delivery"]')?.dataset.status === 'pending', 'the delivery was not queued again');
      expect(textOf($(el, '[part="delivery-status"]')!)).to.equal('Pending');
      expect($(el, '[part="retry-delivery"]')).to.equal(null);
      expect(describeNode(el.shadowRoot!.activeElement)).to.equal('<li[part="delivery"]>');
      expect(textOf($(el, '[part="notice"]')!)).to.equal('Delivery queued again: it goes out now.');
      await waitUntil(() => !$(el, '[part="failed-count"]'), 'the failed count stayed');
      expect((await api.webhooks.deliveries({ webhookId: webhook.id })).items[0]!.status).to.equal('pending');

      const filter = $<HTMLSelectElement>(el, '[part="log-filter"]')!;
      filter.value = 'failed';
      filter.dispatchEvent(new Event('change'));
      await waitUntil(() => $(el, '[part="log-empty"]'), 'the filter did not apply');
    });

    it('fits a 360 px screen, in French', async () => {
      await fresh();
      await (await adminClient(forum)).webhooks.create({ url: `${HOOK}/${'tres-long-chemin/'.repeat(8)}`, description: 'Un webhook à l’adresse très longue' });
      const el = await mountWebhooks(forum, ADMIN, { width: '360px', locale: 'fr' });
      await click(el, '[part="rotate"]');
      await click(el, '[part="confirm-rotate"]');
      await waitUntil(() => $(el, '[part="secret-value"]'), 'the secret was not shown');
      expect(textOf($(el, '[part="secret-warning"]')!)).to.equal('Copiez ce secret maintenant : il ne sera plus jamais affiché.');
      expect(el.scrollWidth).to.be.at.most(360);
      await expectAccessible(el);
    });

    it('says when the list cannot be loaded, and loads it on retry', async () => {
      await fresh({ failures: { listWebhooks: 500 } });
      const el = await mountWebhooks(forum);
      expect(textOf($(el, '[part="error"]')!)).to.contain('The webhooks could not be loaded.');
      await expectAccessible(el);
      delete forum.failures.listWebhooks;
      await click(el, '[part="error"] button');
      await waitUntil(() => $(el, '[part="empty"]'), 'the retry did not load the list');
    });
  });

  describe('when signed in as anyone else', () => {
    it('refuses moderators and members without asking the API', async () => {
      const forum = await mockForum({ failures: { listWebhooks: 500 } });
      for (const pseudonym of [DEMO_PEOPLE.moderator, DEMO_PEOPLE.topHelper]) {
        const el = await mountWebhooks(forum, pseudonym);
        expect(textOf($(el, '[part="refused"]')!)).to.equal('This view is for the community’s administrators.');
        await expectAccessible(el);
      }
    });
  });
});
