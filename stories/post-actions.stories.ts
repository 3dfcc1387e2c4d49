import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/post-actions/post-actions.ts';
import type { Post, ThreadDetail } from '../src/contract/models.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import type { EntraideStoryParameters, MockApi, StorySetupContext } from './support/mock-api.ts';
import { waitForDeep } from './support/play.ts';
import { editedReply, memberReply } from './support/post-picks.ts';

interface Args {
  /** The post is the thread's accepted solution. */
  accepted: boolean;
  /** The signed-in member already gave kudos. */
  kudosGiven: boolean;
  /** The signed-in member already reported the post. */
  flagged: boolean;
}

interface Picked {
  detail: ThreadDetail;
  post: Post;
}

/**
 * The English thread's member reply, as read after `prepare` (an edit, say), by a guest or by
 * `readAs`: staff read every post with its markdown, which their "Edit" needs.
 */
const pick = (prepare?: (setup: StorySetupContext) => Promise<unknown>, readAs?: string) => async (setup: StorySetupContext): Promise<Picked> => {
  await prepare?.(setup);
  const reader = readAs ? await setup.as(readAs) : setup.reader;
  const detail = await reader.threads.get(setup.demo.threads.english);
  return { detail, post: memberReply(detail) };
};

const meta: Meta<Args> = {
  title: 'Elements/Post/Actions',
  component: 'entraide-post-actions',
  render: (args, { loaded }) => {
    const api = loaded.api as MockApi;
    const { detail, post } = api.data as Picked;
    return withSession(api, html`<entraide-post-actions .post=${post} .thread=${detail.thread} ?accepted=${args.accepted}
      ?kudos-given=${args.kudosGiven} ?flagged=${args.flagged}></entraide-post-actions>`);
  },
  args: { accepted: false, kudosGiven: false, flagged: false },
  parameters: { entraide: { setup: pick() } satisfies EntraideStoryParameters },
};

export default meta;
type Story = StoryObj<Args>;
const as = (signedInAs: EntraideStoryParameters['signedInAs'], extra: EntraideStoryParameters = {}) => ({ entraide: { signedInAs, ...extra } });
/** The reply's author. */
const author: EntraideStoryParameters['signedInAs'] = async ({ demo, reader }) => memberReply(await reader.threads.get(demo.threads.english)).author.pseudonym;

/** A guest: the kudos count, "sign in to give kudos", copy link. */
export const Guest: Story = {};

/** A member on someone else's reply: kudos, quote, report, copy link. */
export const Member: Story = { parameters: as(DEMO_PEOPLE.asker) };


/** The kudos given and the post reported already. */
export const KudosGivenAndFlagged: Story = { args: { kudosGiven: true, flagged: true }, parameters: as(DEMO_PEOPLE.asker) };

/** Its author: edit and delete, no kudos toggle nor report. */
export const Author: Story = { parameters: as(author) };

/** The asker on the accepted answer: "Withdraw solution". */
export const AskerOnAccepted: Story = { args: { accepted: true }, parameters: as(({ demo }) => demo.askers.english) };

/** A moderator on an edited reply: "Edited …", its history, edit with a reason, delete with a reason. */
export const ModeratorOnEdited: Story = { parameters: as(DEMO_PEOPLE.moderator, { setup: pick(editedReply, DEMO_PEOPLE.moderator) }) };

/** "Report" opened: the form in place, focus on its first reason. */
export const ReportOpen: Story = {
  parameters: as(DEMO_PEOPLE.asker),
  play: async ({ canvasElement }) => {
    (await waitForDeep<HTMLButtonElement>(canvasElement, '[part="flag"]')).click();
    await waitForDeep(canvasElement, 'entraide-flag-form');
  },
};

/** Kudos fail on the server: the toggle rolls back and says so. */
export const KudosFailure: Story = {
  parameters: as(DEMO_PEOPLE.asker, { mock: { failures: { giveKudos: 500 } } }),
  play: async ({ canvasElement }) => {
    (await waitForDeep<HTMLButtonElement>(canvasElement, 'button[part="kudos"]')).click();
    await waitForDeep(canvasElement, '[part="message"]:not(:empty)');
  },
  tags: ['expected-http-error'],
};
