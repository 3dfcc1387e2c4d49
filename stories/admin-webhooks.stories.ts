import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/admin-webhooks/admin-webhooks.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import type { StorySetupContext } from './support/mock-api.ts';
import { FOREVER, type EntraideStoryParameters, type MockApi } from './support/mock-api.ts';

/**
 * Two webhooks of the demo community's admin: the brand's CRM for every event, and a disabled
 * status page for resolutions only; three incidents declared since, so the CRM's log holds a
 * delivered, a failed and a pending delivery (the mocks never send: SQL sets the outcomes).
 */
async function twoWebhooks({ as, forum }: StorySetupContext): Promise<void> {
  const admin = await as(DEMO_PEOPLE.admin);
  const crm = (await admin.webhooks.create({ url: 'https://crm.volta-mobile.example/hooks/entraide', description: 'CRM de Volta Mobile' })).webhook;
  await admin.webhooks.create({ url: 'https://status.volta-mobile.example/api/incidents', description: 'Page de statut', events: ['incident.resolved'], enabled: false });
  const advisor = await as(DEMO_PEOPLE.commercialAdvisor);
  for (const city of ['Lyon', 'Nantes', 'Lille']) await advisor.incidents.create({ title: `Panne fibre ${city}`, bannerText: `Panne en cours à ${city}.`, threadIds: [] });
  const ids = (await admin.webhooks.deliveries({ webhookId: crm.id })).items.map((item) => item.id);
  await forum.db.query(`update webhook_deliveries set attempts = 1, delivered_at = created_at + interval '2 seconds' where id = $1`, [ids[2]]);
  await forum.db.query(`update webhook_deliveries set attempts = 5, failed_at = created_at + interval '31 seconds', last_error = 'HTTP 503' where id = $1`, [ids[1]]);
}

/** Waits for the element's list, then clicks through `selectors` in order. */
async function clickThrough(canvas: HTMLElement, ...selectors: string[]): Promise<void> {
  const el = canvas.querySelector('entraide-admin-webhooks')!;
  for (const selector of selectors) {
    for (let tries = 0; !el.shadowRoot?.querySelector(selector) && tries < 400; tries += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    el.shadowRoot!.querySelector<HTMLButtonElement>(selector)!.click();
    await el.updateComplete;
  }
}

const meta: Meta = {
  title: 'Administration/Webhooks',
  component: 'entraide-admin-webhooks',
  render: (_args, { loaded }) => withSession(loaded.api as MockApi, html`<entraide-admin-webhooks></entraide-admin-webhooks>`),
  parameters: { entraide: { signedInAs: DEMO_PEOPLE.admin, setup: twoWebhooks } satisfies EntraideStoryParameters },
};

export default meta;
type Story = StoryObj;
const entraide = (parameters: EntraideStoryParameters) => ({ entraide: parameters });

/** The list: an active webhook with a failed delivery, a disabled one for resolutions only. */
export const List: Story = {};

/** The CRM's delivery log: delivered, failed (with its error and a Retry button), pending. */
export const DeliveryLog: Story = { play: ({ canvasElement }) => clickThrough(canvasElement, '[part="show-log"]') };

/** Right after a rotation: the new secret, shown once, with its copy button and warning. */
export const SecretShown: Story = { play: ({ canvasElement }) => clickThrough(canvasElement, '[part="rotate"]', '[part="confirm-rotate"]') };

/** The form to add one, with the message of a URL that is not http(s). */
export const AddForm: Story = {
  play: async ({ canvasElement }) => {
    await clickThrough(canvasElement, '[part="add"]');
    const root = canvasElement.querySelector('entraide-admin-webhooks')!.shadowRoot!;
    const url = root.querySelector<HTMLInputElement>('#webhook-url')!;
    url.value = 'ftp://crm.volta-mobile.example';
    url.dispatchEvent(new Event('input'));
    await clickThrough(canvasElement, '[part="create"]');
  },
};

/** No webhook yet. */
export const Empty: Story = { parameters: entraide({ setup: async () => undefined }) };

/** Still loading. */
export const Loading: Story = { parameters: entraide({ mock: { latency: FOREVER } }) };

/** The list could not be loaded (500): the error offers a retry. */
export const LoadFails: Story = {
  parameters: entraide({ mock: { failures: { listWebhooks: 500 } } }),
  tags: ['expected-http-error'],
};

/** A moderator: webhooks are for the community's administrators. */
export const NotAdmin: Story = { parameters: entraide({ signedInAs: DEMO_PEOPLE.moderator }) };

/** In English. */
export const English: Story = { globals: { locale: 'en' } };

/** On a 360 px wide phone screen, the new secret shown. */
export const Phone: Story = {
  render: (_args, { loaded }) => withSession(loaded.api as MockApi, html`<div style="max-width: 360px"><entraide-admin-webhooks></entraide-admin-webhooks></div>`),
  play: ({ canvasElement }) => clickThrough(canvasElement, '[part="rotate"]', '[part="confirm-rotate"]'),
};
