import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/incident-banner/incident-banner.ts';
import type { NewIncident } from '../src/contract/areas/advisor.ts';
import type { IncidentStatus } from '../src/core/index.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import { stillShowing, type EntraideStoryParameters, type MockApi, type StorySetupContext } from './support/mock-api.ts';

/** One incident as a story declares it, with the updates advisors posted since. */
interface IncidentSeed {
  /** The incident to declare; `'demo'`: the network outage the demo community already has. */
  input: Omit<NewIncident, 'categoryId' | 'threadIds'> & { category?: string } | 'demo';
  updates?: Array<{ status: IncidentStatus; text: string }>;
}

interface Args {
  /** Incidents of the demo community when the banner loads (declared through the SDK by an advisor). */
  incidents: IncidentSeed[];
  /** The category read (by slug, e.g. `facturation`); empty: a page of no category (community-wide incidents only). */
  category: string;
  /** The width of the banner's column: under 36rem each incident is one line. */
  width: string;
  /** Resolve the first incident this many milliseconds after the story opens (0: never). */
  resolveAfter: number;
}

const BILLING: IncidentSeed['input'] = {
  title: 'Factures en retard ce mois-ci',
  bannerText: 'Les factures de ce mois arrivent avec quelques jours de retard. Aucun prélèvement en double ne sera effectué.',
  category: 'facturation',
};

const COMMUNITY_WIDE: IncidentSeed['input'] = {
  title: 'Espace client indisponible',
  bannerText: 'L’espace client est en maintenance ce soir de 22 h à minuit.',
};

/** The demo's own incidents go (SQL): the story's list is all there is. Returns the ids of the story's incidents, in order. */
async function seed({ forum, demo, as }: StorySetupContext, { incidents }: Args): Promise<number[]> {
  const [existing] = await forum.db.query<{ id: number }>('select id from incidents where resolved_at is null order by id limit 1');
  const keepDemo = incidents.some((seed) => seed.input === 'demo');
  if (!keepDemo) await forum.db.exec('delete from incident_updates; delete from incident_threads; delete from incidents;');
  const advisor = await as(DEMO_PEOPLE.technicalAdvisor);
  const ids: number[] = [];
  for (const { input, updates = [] } of incidents) {
    let id: number;
    if (input === 'demo') {
      if (!existing) throw new Error('stories: the demo community has no active incident');
      id = existing.id;
    } else {
      const { category, ...rest } = input;
      const categoryId = category ? demo.categories[category] : undefined;
      // A thread of the incident's category, linked as advisors do.
      const [thread] = categoryId ? await forum.db.query<{ id: number }>('select id from threads where category_id = $1 order by id limit 1', [categoryId]) : [];
      id = (await advisor.incidents.create({ ...rest, ...(categoryId ? { categoryId } : {}), threadIds: thread ? [thread.id] : [] })).id;
    }
    for (const update of updates) await advisor.incidents.update(id, update);
    ids.push(id);
  }
  return ids;
}

const meta: Meta<Args> = {
  title: 'Elements/Incident banner',
  component: 'entraide-incident-banner',
  render: (args, { loaded }) => {
    const api = loaded.api as MockApi;
    const [first] = api.data as number[];
    if (first && args.resolveAfter > 0) {
      setTimeout(() => {
        if (!stillShowing(api)) return;
        void api.as(DEMO_PEOPLE.commercialAdvisor).then((julie) => julie.incidents.update(first, { status: 'resolved', text: 'Le service est rétabli.' }));
      }, args.resolveAfter);
    }
    const categoryId = args.category ? api.demo.categories[args.category] : 0;
    return withSession(api, html`
      <div style="max-width: ${args.width}"><entraide-incident-banner category-id=${categoryId ?? 0} resolved-linger="60000"></entraide-incident-banner></div>
    `);
  },
  // The demo's outage is in the network category: a banner shows only on the category it concerns.
  args: { incidents: [{ input: 'demo' }], category: 'reseau', resolveAfter: 0, width: 'none' },
  parameters: { entraide: { setup: (setup, args) => seed(setup, args as unknown as Args) } satisfies EntraideStoryParameters },
};

export default meta;
type Story = StoryObj<Args>;

/** No active incident: the banner renders nothing and takes no room. */
export const NoIncident: Story = { args: { incidents: [] } };

/** The demo's network outage, declared by an advisor and identified since. */
export const OneActive: Story = {};

/** Several at once, read in the network category: its outage and the community-wide one (the billing one stays on billing pages). */
export const Several: Story = {
  args: {
    incidents: [
      { input: 'demo', updates: [{ status: 'identified', text: 'Une antenne relais est en panne ; les techniciens sont sur place.' }] },
      { input: BILLING, updates: [{ status: 'monitoring', text: 'Les envois reprennent, nous surveillons.' }] },
      { input: COMMUNITY_WIDE },
    ],
  },
};

/** Scoped to the Billing category: its incident and the community-wide one, not the network outage. */
export const InOneCategory: Story = { args: { ...Several.args, category: 'facturation' } };

/** The outage is resolved two seconds after the story opens: the banner says so, live. */
export const Resolved: Story = { args: { resolveAfter: 2000 } };

/** English strings and dates. */
export const English: Story = { args: Several.args, globals: { locale: 'en' } };

/** French strings and dates. */
export const French: Story = { args: Several.args, globals: { locale: 'fr' } };

/** On a dark page. */
export const Dark: Story = { args: Several.args, globals: { theme: 'dark' } };

/** A page of no category (the home page): only the community-wide incident, not the network or billing ones. */
export const HomePage: Story = { args: { ...Several.args, category: '' } };

/** A 360 px phone: one line per incident, title and buttons; the text waits behind "Voir le détail". */
export const Compact: Story = { args: { ...Several.args, width: '360px' } };

const banner = (canvas: HTMLElement) => canvas.querySelector('entraide-incident-banner')!;

/** On a phone, the first incident opened: its text, update time and history. */
export const CompactExpanded: Story = {
  args: { ...Several.args, width: '360px' },
  play: async ({ canvasElement }) => {
    const element = banner(canvasElement);
    await waitFor(() => element.shadowRoot?.querySelector<HTMLButtonElement>('[part="toggle"]'), 'no incident shown').then((toggle) => toggle.click());
  },
};

/** The first incident dismissed (×): it goes, and comes back at its next update (a guest's browser remembers it). */
export const Dismissed: Story = {
  args: Several.args,
  play: async ({ canvasElement }) => {
    localStorage.removeItem('entraide:incident-dismissals');
    const element = banner(canvasElement);
    await waitFor(() => element.shadowRoot?.querySelector<HTMLButtonElement>('[part="dismiss"]'), 'no incident shown').then((dismiss) => dismiss.click());
  },
};

/** Polls until `find` gives something (the banner loads its incidents after the first render). */
async function waitFor<T>(find: () => T | null | undefined, message: string): Promise<T> {
  for (let tries = 0; tries < 200; tries += 1) {
    const found = find();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(message);
}
