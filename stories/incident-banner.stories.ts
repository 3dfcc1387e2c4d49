import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/incident-banner/incident-banner.ts';
import type { NewIncident } from '../src/contract/areas/advisor.ts';
import type { IncidentStatus } from '../src/core/index.ts';
import { incidentsOf, MEMBERS, SAMPLE_INCIDENT, type MockStore } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import type { MockApi } from './support/mock-api.ts';

/** One incident as a story declares it, with the updates advisors posted since. */
interface IncidentSeed {
  input: NewIncident;
  updates?: Array<{ status: IncidentStatus; text: string }>;
}

interface Args {
  /** Incidents declared in the mock community before the banner loads. */
  incidents: IncidentSeed[];
  /** Scope to one category (4 is "Network"), 0 for every incident. */
  categoryId: number;
  /** Resolve the first incident this many milliseconds after the story opens (0: never). */
  resolveAfter: number;
}

const BILLING: NewIncident = {
  title: 'Factures de novembre en retard',
  bannerText: 'Les factures de novembre arrivent avec quelques jours de retard. Aucun prélèvement en double ne sera effectué.',
  categoryId: 2,
  threadIds: [3],
};

const COMMUNITY_WIDE: NewIncident = {
  title: 'Espace client indisponible',
  bannerText: 'L’espace client est en maintenance ce soir de 22 h à minuit.',
  threadIds: [],
};

const seeded = new WeakSet<MockStore>();

/** Declares the story's incidents once per mock community (a render may run again on arg changes). */
function seed(api: MockApi, { incidents, resolveAfter }: Args): void {
  const store = api.forum.store;
  if (seeded.has(store)) return;
  seeded.add(store);
  const state = incidentsOf(store);
  const declared = incidents.map(({ input, updates = [] }) => {
    const incident = state.declare(MEMBERS.lea, input);
    for (const update of updates) state.update(MEMBERS.lea, incident.id, update);
    return incident;
  });
  const first = declared[0];
  if (first && resolveAfter > 0) {
    setTimeout(() => state.update(MEMBERS.julie, first.id, { status: 'resolved', text: 'Le service est rétabli.' }), resolveAfter);
  }
}

const meta: Meta<Args> = {
  title: 'Elements/Incident banner',
  component: 'entraide-incident-banner',
  render: (args, { loaded }) => {
    const api = loaded.api as MockApi;
    seed(api, args);
    return withSession(api, html`
      <entraide-incident-banner category-id=${args.categoryId} resolved-linger="60000"></entraide-incident-banner>
    `);
  },
  args: { incidents: [{ input: SAMPLE_INCIDENT }], categoryId: 0, resolveAfter: 0 },
};

export default meta;
type Story = StoryObj<Args>;

/** No active incident: the banner renders nothing and takes no room. */
export const NoIncident: Story = { args: { incidents: [] } };

/** An outage just declared by an advisor: investigating. */
export const OneActive: Story = {};

/** Several at once; one has updates in its details (open them with "Voir le détail"). */
export const Several: Story = {
  args: {
    incidents: [
      { input: SAMPLE_INCIDENT, updates: [{ status: 'identified', text: 'Une antenne relais est en panne ; les techniciens sont sur place.' }] },
      { input: BILLING, updates: [{ status: 'monitoring', text: 'Les envois reprennent, nous surveillons.' }] },
      { input: COMMUNITY_WIDE },
    ],
  },
};

/** Scoped to the Billing category: its incident and the community-wide one, not the network outage. */
export const InOneCategory: Story = { args: { ...Several.args, categoryId: 2 } };

/** The outage is resolved two seconds after the story opens: the banner says so, live. */
export const Resolved: Story = { args: { resolveAfter: 2000 } };

/** English strings and dates. */
export const English: Story = { args: Several.args, globals: { locale: 'en' } };

/** French strings and dates. */
export const French: Story = { args: Several.args, globals: { locale: 'fr' } };

/** On a dark page. */
export const Dark: Story = { args: Several.args, globals: { theme: 'dark' } };
