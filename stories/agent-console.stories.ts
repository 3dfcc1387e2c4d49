import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/agent-console/agent-console.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import { onDutyToday, outageAlert } from './support/demo.ts';
import { FOREVER, type EntraideStoryParameters, type MockApi, type StorySetupContext } from './support/mock-api.ts';
import { fillField, waitForDeep } from './support/play.ts';

/**
 * The demo community as an evening finds it: customers who need their account opened (act now),
 * questions past their community holdback, members' answers to confirm, flagged posts, and the
 * network incident the advisors already declared.
 */

/** Nothing waits: every waiting thread confirmed, every flag dealt with (SQL: no API confirms in bulk). */
async function quietEvening({ forum, demo }: StorySetupContext): Promise<void> {
  await onDutyToday(forum, demo.categories);
  await forum.db.query(`update threads set confirmed_at = now() where confirmed_at is null and accepted_post_id is null`);
  await forum.db.query(
    `update post_flags set resolved_at = now(), resolution = 'restored', resolved_by = (select id from members where role = 'moderator' order by id limit 1)
      where resolved_at is null`,
  );
}

interface Args {
  view: 'queue' | 'incidents' | 'team';
}

const meta: Meta<Args> = {
  title: 'Advisor/Console',
  component: 'entraide-agent-console',
  render: (args, { loaded }) => withSession(loaded.api as MockApi, html`<entraide-agent-console view=${args.view}></entraide-agent-console>`),
  args: { view: 'queue' },
  // The advisors on duty all day, so "My categories now" has categories whatever the hour (see onDutyToday).
  parameters: { entraide: { signedInAs: DEMO_PEOPLE.technicalAdvisor, setup: ({ forum, demo }) => onDutyToday(forum, demo.categories) } satisfies EntraideStoryParameters },
};

export default meta;
type Story = StoryObj<Args>;

const entraide = (parameters: EntraideStoryParameters) => ({ entraide: parameters });

/** Every group: act now, overdue, community answers to confirm (live countdown), flagged posts. Keys: j/k, Enter, u. */
export const FullQueue: Story = {};

/** Nothing waits for an advisor. */
export const EmptyQueue: Story = { parameters: entraide({ setup: quietEvening }) };

/** The API never answers: the loading state. */
export const Loading: Story = { parameters: entraide({ mock: { latency: FOREVER } }) };

/** A member (not staff) gets the "advisors only" message. */
export const MemberRefused: Story = { parameters: entraide({ signedInAs: DEMO_PEOPLE.topHelper }) };

/** A moderator sees the queue and the incidents, without the advisors' actions. */
export const Moderator: Story = { parameters: entraide({ signedInAs: DEMO_PEOPLE.moderator }) };

/** Alerts & incidents: an outage alert to declare from, and the active incident to update or resolve. */
export const Incidents: Story = { args: { view: 'incidents' }, parameters: entraide({ setup: outageAlert }) };

/** The team view, before the metrics element is on the page. */
export const Team: Story = { args: { view: 'team' } };

/** English strings and durations. */
export const English: Story = { globals: { locale: 'en' } };

/** French strings and durations. */
export const French: Story = { globals: { locale: 'fr' } };

/** Alerts & incidents in English. */
export const IncidentsEnglish: Story = { args: { view: 'incidents' }, parameters: entraide({ setup: outageAlert }), globals: { locale: 'en' } };

/** Declaring an incident from the alert, in French, with its optional English title and banner written ("En anglais (facultatif)"). */
export const DeclareInTwoLanguages: Story = {
  args: { view: 'incidents' },
  parameters: entraide({ setup: outageAlert }),
  play: async ({ canvasElement }) => {
    (await waitForDeep<HTMLButtonElement>(canvasElement, '[part="declare"]')).click();
    fillField(await waitForDeep<HTMLInputElement>(canvasElement, 'input[name="otherTitle"]'), 'No mobile network this morning');
    fillField(await waitForDeep<HTMLTextAreaElement>(canvasElement, 'textarea[name="otherBannerText"]'), 'Several customers have no mobile network since this morning. Our teams are on it.');
  },
};
