import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/preferences/preferences.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import { FOREVER, type EntraideStoryParameters, type MockApi } from './support/mock-api.ts';

const meta: Meta = {
  title: 'Member/Preferences',
  component: 'entraide-preferences',
  render: (_args, { loaded }) => withSession(loaded.api as MockApi, html`<entraide-preferences></entraide-preferences>`),
  parameters: { entraide: { signedInAs: DEMO_PEOPLE.topHelper } satisfies EntraideStoryParameters },
};

export default meta;
type Story = StoryObj;
const entraide = (parameters: EntraideStoryParameters) => ({ entraide: parameters });

/** A member's defaults: follow on reply, e-mail a few minutes after an unread notification, every kind, the page's language. The demo has no addresses: the notice says the forum will not write. */
export const Default: Story = {};

/** In English. */
export const English: Story = { globals: { locale: 'en' } };

/** A member with an address who chose a daily summary without kudos, in English (SQL). */
export const DailyWithAddress: Story = {
  parameters: entraide({
    setup: async ({ forum }) => void (await forum.db.exec(`
      update members set email = 'kali29@example.com' where pseudonym = '${DEMO_PEOPLE.topHelper}';
      insert into member_preferences (member_id, email_mode, email_muted_kinds, locale)
        select id, 'daily', '{kudos}', 'en' from members where pseudonym = '${DEMO_PEOPLE.topHelper}';`)),
  }),
};

/** Chooses the daily summary and saves, as the member would; waits for the form to be there first. */
async function chooseDailyAndSave({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const element = canvasElement.querySelector('entraide-preferences')!;
  let daily: HTMLInputElement | null | undefined;
  for (const start = Date.now(); !daily && Date.now() - start < 10_000; await new Promise((done) => setTimeout(done, 50))) {
    daily = element.shadowRoot?.querySelector<HTMLInputElement>('input[name="email-mode"][value="daily"]');
  }
  if (!daily) throw new Error('no preferences form');
  daily.click();
  await element.updateComplete;
  element.shadowRoot!.querySelector<HTMLButtonElement>('[part="save"]')!.click();
  await element.updateComplete;
}

/** Saved: the member chose a daily summary; the status line says it is saved and the button waits for the next change. */
export const Saved: Story = { play: chooseDailyAndSave };

/** Saving fails (500): the choice stays on screen, and the status line says why it was not saved. */
export const SaveFails: Story = {
  parameters: entraide({ mock: { failures: { updatePreferences: 500 } } }),
  tags: ['expected-http-error'],
  play: chooseDailyAndSave,
};

/** Still loading. */
export const Loading: Story = { parameters: entraide({ mock: { latency: FOREVER } }) };

/** The preferences could not be loaded (500): the error offers a retry. */
export const LoadFails: Story = {
  parameters: entraide({ mock: { failures: { getPreferences: 500 } } }),
  tags: ['expected-http-error'],
};

/** A guest: asked to sign in, no request is made. */
export const SignedOut: Story = { parameters: entraide({ signedInAs: null }) };

/** On a 360 px wide phone screen. */
export const Phone: Story = {
  render: (_args, { loaded }) => withSession(loaded.api as MockApi, html`<div style="max-width: 360px"><entraide-preferences></entraide-preferences></div>`),
};
