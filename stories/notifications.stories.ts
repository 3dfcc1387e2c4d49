import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/notifications/notifications.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import { DEMO_THREAD_NAMES, type DemoThreadName } from './support/demo.ts';
import { FOREVER, type EntraideStoryParameters, type MockApi, type StorySetupContext } from './support/mock-api.ts';

interface Args {
  /** Threads of the demo community an advisor asked the signed-in member to help on. */
  nudgedThreads: DemoThreadName[];
}

/**
 * Expert nudges the advisors made, written in SQL: the API's nudge checks the thread still waits
 * for the community and the member is among its suggested experts, which the story does not need.
 */
async function seed({ forum, demo }: StorySetupContext, { nudgedThreads }: Args): Promise<void> {
  const member = await forum.member(DEMO_PEOPLE.topHelper);
  const advisors = [await forum.member(DEMO_PEOPLE.technicalAdvisor), await forum.member(DEMO_PEOPLE.commercialAdvisor)];
  for (const [index, name] of nudgedThreads.entries()) {
    await forum.db.query(
      `insert into notifications (member_id, kind, thread_id, actor_id, created_at) values ($1, 'expert-nudge', $2, $3, now() - $4 * interval '1 minute')`,
      [member.id, demo.threads[name], advisors[index % 2]!.id, 20 * (nudgedThreads.length - index)],
    );
  }
}

/** Opens the list, as a click on the bell does (guests have no bell: nothing to open). */
async function openList({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const bell = canvasElement.querySelector('entraide-notifications');
  if (!bell) return;
  await bell.updateComplete;
  bell.shadowRoot?.querySelector<HTMLButtonElement>('[part="toggle"]')?.click();
}

const meta: Meta<Args> = {
  title: 'Elements/Notifications',
  component: 'entraide-notifications',
  parameters: { entraide: { signedInAs: DEMO_PEOPLE.topHelper, setup: (setup, args) => seed(setup, args as unknown as Args) } satisfies EntraideStoryParameters },
  render: (_args, { loaded }) =>
    // The list opens below the button, aligned to its end, as in the forum header.
    withSession(loaded.api as MockApi, html`<div style="display: flex; justify-content: flex-end; min-height: 22rem"><entraide-notifications></entraide-notifications></div>`),
  args: { nudgedThreads: ['unanswered', 'english'] },
  // Every story shows the list open, where its states are; `Closed` shows the bell alone.
  play: openList,
  argTypes: { nudgedThreads: { control: 'check', options: DEMO_THREAD_NAMES } },
};

export default meta;
type Story = StoryObj<Args>;

/** Two advisors asked the member to help: the bell shows 2; each can be marked read, or all at once. */
export const Unread: Story = {};

/** The bell alone, list closed: its count of 2 unread. */
export const Closed: Story = { play: () => Promise.resolve() };

/** The list opened while the server has not answered yet: it says it is loading. */
export const Loading: Story = {
  parameters: { entraide: { signedInAs: DEMO_PEOPLE.topHelper, mock: { latency: FOREVER } } satisfies EntraideStoryParameters },
};

/** Nothing yet: the button without a count, and an empty list. */
export const Empty: Story = { args: { nudgedThreads: [] } };

/** Guests have no notifications: nothing renders. */
export const Guest: Story = { parameters: { entraide: { signedInAs: null } satisfies EntraideStoryParameters } };

/** English strings and dates. */
export const English: Story = { globals: { locale: 'en' } };

/** On a dark page. */
export const Dark: Story = { globals: { theme: 'dark' } };

/**
 * One notification of every kind (written in SQL), grouped by thread: a reply, a mention, an
 * accepted and a confirmed answer, three kudos batched, a private message and a thread taken
 * into private (linking to the inbox), a new question in a followed category, an incident.
 */
async function seedEveryKind({ forum, demo }: StorySetupContext): Promise<void> {
  const member = await forum.member(DEMO_PEOPLE.topHelper);
  const others = [await forum.member(DEMO_PEOPLE.asker), await forum.member(DEMO_PEOPLE.secondHelper), await forum.member(DEMO_PEOPLE.commercialAdvisor)];
  const threads = [demo.threads.unanswered, demo.threads.solved, demo.threads.english];
  const [conversation] = await forum.db.query<{ id: number }>(
    `insert into private_conversations (community_id, thread_id, asker_id, opened_by) select community_id, $1, $2, $3 from members where id = $2 returning id`,
    [threads[2], member.id, others[2]!.id],
  );
  const [incident] = await forum.db.query<{ id: number }>(
    `insert into incidents (community_id, title, banner_text, region, created_by) select community_id, 'Panne fibre à Lyon', 'La fibre est coupée à Lyon.', 'Rhône', $1 from members where id = $1 returning id`,
    [others[2]!.id],
  );
  const rows: Array<[kind: string, thread: number | null, actor: number, count: number, extra: { conversation?: number; incident?: number }]> = [
    ['reply', threads[0]!, others[0]!.id, 1, {}],
    ['mention', threads[0]!, others[1]!.id, 1, {}],
    ['answer-accepted', threads[1]!, others[0]!.id, 1, {}],
    ['answer-confirmed', threads[1]!, others[2]!.id, 1, {}],
    ['kudos', threads[1]!, others[1]!.id, 3, {}],
    ['private-opened', threads[2]!, others[2]!.id, 1, { conversation: conversation!.id }],
    ['private-message', threads[2]!, others[2]!.id, 1, { conversation: conversation!.id }],
    ['new-thread', threads[0]!, others[0]!.id, 1, {}],
    ['incident', null, others[2]!.id, 1, { incident: incident!.id }],
  ];
  for (const [index, [kind, threadId, actorId, count, extra]] of rows.entries()) {
    await forum.db.query(
      `insert into notifications (member_id, kind, thread_id, actor_id, event_count, conversation_id, incident_id, post_id, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, (select min(id) from posts where thread_id = $3), now() - $8 * interval '1 minute', now() - $8 * interval '1 minute')`,
      [member.id, kind, threadId, actorId, count, extra.conversation ?? null, extra.incident ?? null, 5 * (index + 1)],
    );
  }
}

/** Every kind, in French: grouped by thread, each with its sentence, "mark read" and "mark all read". */
export const EveryKind: Story = {
  args: { nudgedThreads: [] },
  parameters: { entraide: { signedInAs: DEMO_PEOPLE.topHelper, setup: (setup) => seedEveryKind(setup) } satisfies EntraideStoryParameters },
};

/** Every kind, in English. */
export const EveryKindEnglish: Story = { ...EveryKind, globals: { locale: 'en' } };

/**
 * Kudos batched: the unread kudos on one post are one notification whose count grows (7 on the
 * solved thread's answer, 1 on another post), never seven lines (SQL).
 */
export const KudosBatched: Story = {
  args: { nudgedThreads: [] },
  parameters: {
    entraide: {
      signedInAs: DEMO_PEOPLE.topHelper,
      setup: async ({ forum, demo }) => {
        const member = await forum.member(DEMO_PEOPLE.topHelper);
        const giver = await forum.member(DEMO_PEOPLE.secondHelper);
        for (const [threadId, count, minutes] of [[demo.threads.solved, 7, 3], [demo.threads.unanswered, 1, 50]] as const) {
          await forum.db.query(
            `insert into notifications (member_id, kind, thread_id, actor_id, event_count, post_id, created_at, updated_at)
             values ($1, 'kudos', $2, $3, $4, (select max(id) from posts where thread_id = $2), now() - interval '2 hours', now() - $5 * interval '1 minute')`,
            [member.id, threadId, giver.id, count, minutes],
          );
        }
      },
    } satisfies EntraideStoryParameters,
  },
};

/** The API answers 500: the open list says so and offers to try again. */
export const LoadError: Story = {
  parameters: { entraide: { signedInAs: DEMO_PEOPLE.topHelper, mock: { failures: { listNotifications: 500 } } } satisfies EntraideStoryParameters },
  tags: ['expected-http-error'],
};

/**
 * A moderator edited one of the member's replies (to remove personal data, with a reason): the
 * bell says who edited which thread, through the API's own edit.
 */
export const PostEdited: Story = {
  args: { nudgedThreads: [] },
  parameters: {
    entraide: {
      signedInAs: DEMO_PEOPLE.topHelper,
      setup: async ({ forum, as: signIn }) => {
        const member = await forum.member(DEMO_PEOPLE.topHelper);
        const [post] = await forum.db.query<{ id: number }>(
          `select p.id from posts p join threads t on t.id = p.thread_id where p.author_id = $1 and p.kind = 'reply' and not p.hidden and t.merged_into_id is null order by p.id desc limit 1`,
          [member.id],
        );
        await (await signIn(DEMO_PEOPLE.moderator)).posts.edit(post!.id, { body: 'Réinitialisez les paramètres réseau. (Numéro de téléphone retiré par la modération.)', reason: 'Données personnelles visibles de tous.' });
      },
    } satisfies EntraideStoryParameters,
  },
};

/** The same, in English. */
export const PostEditedEnglish: Story = { ...PostEdited, globals: { locale: 'en' } };
