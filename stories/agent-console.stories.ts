import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/agent-console/agent-console.ts';
import { moderationState } from '../src/mocks/areas/moderation.ts';
import { defaultFixtures, incidentsOf, MEMBERS, SAMPLE_INCIDENT, type Fixtures, type MockStore } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import { FOREVER, type EntraideStoryParameters, type MockApi } from './support/mock-api.ts';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/**
 * The sample community plus what a busy evening brings: a customer who needs their account
 * opened (act now), and two fresh questions a member already answered (community time ticking).
 */
function busyEvening(): Fixtures {
  const fixtures = defaultFixtures();
  fixtures.threads.push(
    {
      id: 200, categoryId: 2, title: 'Prélèvement en double, merci de vérifier mon compte', status: 'open', locale: 'fr', needsAccount: true,
      posts: [{ id: 20_000, authorId: MEMBERS.nadia, kind: 'question', createdAt: minutesAgo(12), body: 'Bonjour, j’ai été prélevée deux fois ce mois-ci.' }],
    },
    {
      id: 201, categoryId: 3, title: 'La box redémarre toute seule la nuit', status: 'answered', locale: 'fr',
      posts: [
        { id: 20_100, authorId: MEMBERS.sam, kind: 'question', createdAt: minutesAgo(40), body: 'Ma box redémarre vers 3 h chaque nuit. Normal ?' },
        { id: 20_101, authorId: MEMBERS.pix37, kind: 'reply', createdAt: minutesAgo(25), body: 'Oui : c’est la mise à jour automatique, réglable dans l’interface.' },
      ],
    },
    {
      id: 202, categoryId: 1, title: 'eSIM : QR code refusé par le téléphone', status: 'answered', locale: 'fr',
      posts: [
        { id: 20_200, authorId: MEMBERS.nadia, kind: 'question', createdAt: minutesAgo(150), body: 'Le téléphone refuse le QR code de l’eSIM.' },
        { id: 20_201, authorId: MEMBERS.rosier, kind: 'reply', createdAt: minutesAgo(140), body: 'Vérifiez que le téléphone n’est pas bloqué opérateur.' },
      ],
    },
  );
  return fixtures;
}

function emptyEvening(): Fixtures {
  return { ...defaultFixtures(), threads: [] };
}

const seeded = new WeakSet<MockStore>();

/** A flagged post and, for the incidents stories, an outage alert and an active incident. */
function seed(store: MockStore, incidents: boolean): void {
  if (seeded.has(store)) return;
  seeded.add(store);
  const reply = store.postsOf(201).at(-1);
  if (reply) moderationState(store).flag({ role: 'member', memberId: MEMBERS.rosier }, reply.id, { reason: 'off-topic' });
  if (!incidents) return;
  for (let i = 0; i < 5; i++) {
    store.createThread({ role: 'member', memberId: MEMBERS.nadia }, { categoryId: 3, title: `Plus de réseau mobile ce matin (${i + 1})`, body: 'Plus de réseau depuis ce matin ?' });
  }
  incidentsOf(store).declare(MEMBERS.lea, SAMPLE_INCIDENT);
}

interface Args {
  view: 'queue' | 'incidents' | 'team';
  incidents: boolean;
}

const meta: Meta<Args> = {
  title: 'Advisor/Console',
  component: 'entraide-agent-console',
  render: (args, { loaded }) => {
    const api = loaded.api as MockApi;
    seed(api.forum.store, args.incidents);
    return withSession(api, html`<entraide-agent-console view=${args.view}></entraide-agent-console>`);
  },
  args: { view: 'queue', incidents: false },
  parameters: { entraide: { signedInAs: MEMBERS.lea, mock: { fixtures: busyEvening() } } satisfies EntraideStoryParameters },
};

export default meta;
type Story = StoryObj<Args>;

const as = (signedInAs: number | undefined, mock: EntraideStoryParameters['mock'] = { fixtures: busyEvening() }) =>
  ({ entraide: { signedInAs, mock } satisfies EntraideStoryParameters });

/** Every group: act now, overdue, community answers to confirm (live countdown), a flagged post. Keys: j/k, Enter, u. */
export const FullQueue: Story = {};

/** Nothing waits for an advisor. */
export const EmptyQueue: Story = { parameters: as(MEMBERS.lea, { fixtures: emptyEvening() }) };

/** The API never answers: the loading state. */
export const Loading: Story = { parameters: as(MEMBERS.lea, { fixtures: busyEvening(), latency: FOREVER }) };

/** A member (not staff) gets the "advisors only" message. */
export const MemberRefused: Story = { parameters: as(MEMBERS.pix37) };

/** A moderator sees the queue and the incidents, without the advisors' actions. */
export const Moderator: Story = { parameters: as(MEMBERS.modo) };

/** Alerts & incidents: an outage alert to declare from, and an active incident to update or resolve. */
export const Incidents: Story = { args: { view: 'incidents', incidents: true } };

/** The team view, before the metrics element is on the page. */
export const Team: Story = { args: { view: 'team' } };

/** English strings and durations. */
export const English: Story = { globals: { locale: 'en' } };

/** French strings and durations. */
export const French: Story = { globals: { locale: 'fr' } };

/** Alerts & incidents in English. */
export const IncidentsEnglish: Story = { args: { view: 'incidents', incidents: true }, globals: { locale: 'en' } };
