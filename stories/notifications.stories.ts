import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/notifications/notifications.ts';
import { notificationsOf } from '../src/mocks/areas/notifications.ts';
import { MEMBERS, type MockStore } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import type { MockApi } from './support/mock-api.ts';

interface Args {
  /** Threads of the sample community an advisor asked the signed-in member to help on. */
  nudgedThreadIds: number[];
}

const seeded = new WeakSet<MockStore>();

/** Expert nudges made by the advisors, once per mock community (a render may run again on arg changes). */
function seed(api: MockApi, { nudgedThreadIds }: Args): void {
  const store = api.forum.store;
  if (seeded.has(store) || !api.member) return;
  seeded.add(store);
  nudgedThreadIds.forEach((threadId, index) => notificationsOf(store).addExpertNudge(api.member!.id, threadId, index % 2 ? MEMBERS.julie : MEMBERS.lea));
}

const meta: Meta<Args> = {
  title: 'Elements/Notifications',
  component: 'entraide-notifications',
  parameters: { entraide: { signedInAs: MEMBERS.pix37 } },
  render: (args, { loaded }) => {
    const api = loaded.api as MockApi;
    seed(api, args);
    // The list opens below the button, aligned to its end, as in the forum header.
    return withSession(api, html`<div style="display: flex; justify-content: flex-end; min-height: 22rem"><entraide-notifications></entraide-notifications></div>`);
  },
  args: { nudgedThreadIds: [1, 2] },
};

export default meta;
type Story = StoryObj<Args>;

/** Two advisors asked the member to help: the button shows 2; opening the list marks them read. */
export const Unread: Story = {};

/** Nothing yet: the button without a count, and an empty list. */
export const Empty: Story = { args: { nudgedThreadIds: [] } };

/** Guests have no notifications: nothing renders. */
export const Guest: Story = { parameters: { entraide: { signedInAs: undefined } } };

/** English strings and dates. */
export const English: Story = { globals: { locale: 'en' } };

/** On a dark page. */
export const Dark: Story = { globals: { theme: 'dark' } };
