import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/admin/admin.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import { FOREVER, type EntraideStoryParameters, type MockApi } from './support/mock-api.ts';

const meta: Meta = {
  title: 'Administration/Administration',
  component: 'entraide-admin',
  render: (args, { loaded }) => withSession(loaded.api as MockApi, html`<entraide-admin view=${args.view as string}></entraide-admin>`),
  args: { view: 'community' },
  argTypes: { view: { control: 'select', options: ['community', 'categories', 'ranks', 'team', 'trusted', 'webhooks'] } },
  parameters: { entraide: { signedInAs: DEMO_PEOPLE.admin } satisfies EntraideStoryParameters },
};

export default meta;
type Story = StoryObj;
const entraide = (parameters: EntraideStoryParameters) => ({ entraide: parameters });

/** The community manager's settings: name, languages, signature, jargon list, collective-problem thresholds. */
export const Community: Story = {};

/** The community settings in English, with the search synonyms section (one group per line). */
export const CommunityEnglish: Story = { globals: { locale: 'en' } };

/**
 * The brand has its own mailer: the notification channel (in the community settings) set to the
 * signed `notification.created` webhook instead of the forum's e-mail, with its explanation (SQL).
 */
export const WebhookNotificationChannel: Story = {
  parameters: entraide({ setup: async ({ forum }) => void (await forum.db.exec(`update communities set notification_channel = 'webhook'`)) }),
};

/** The community's languages: the advisor signature in each offered language and the community's time zone (set through the API). */
export const CommunityLanguages: Story = {
  parameters: entraide({
    setup: async ({ as: signIn }) => {
      await (await signIn(DEMO_PEOPLE.admin)).admin.updateCommunity({
        advisorSignatureTranslations: { en: 'The community is about sharing: please don’t send private messages unless asked.' },
        timeZone: 'America/Montreal',
      });
    },
  }),
};

/** The same in English. */
export const CommunityLanguagesEnglish: Story = { ...CommunityLanguages, globals: { locale: 'en' } };

/** The categories in forum order, with their holdback and account rule; move, edit, archive, create. */
export const Categories: Story = { args: { view: 'categories' } };

/** In English. */
export const English: Story = { args: { view: 'categories' }, globals: { locale: 'en' } };

/** The settings still loading. */
export const Loading: Story = { parameters: entraide({ mock: { latency: FOREVER } }) };

/** The settings could not be loaded (500): the error offers a retry. */
export const LoadFails: Story = {
  parameters: entraide({ mock: { failures: { getAdminCommunity: 500 } } }),
  tags: ['expected-http-error'],
};

/** An advisor: the administration is the admins'; no tab, no request. */
export const Refused: Story = { parameters: entraide({ signedInAs: DEMO_PEOPLE.commercialAdvisor }) };

/** On a 360 px wide phone screen: the tabs wrap, the fields stack. */
export const Phone: Story = {
  args: { view: 'categories' },
  render: (args, { loaded }) => withSession(loaded.api as MockApi, html`<div style="max-width: 360px"><entraide-admin view=${args.view as string}></entraide-admin></div>`),
};
