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
