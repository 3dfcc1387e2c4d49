import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/components/forum/forum.ts';
import type { EntraideForum } from '../src/components/forum/forum.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { addReplies, emptyCommunity, type DemoThreadName } from './support/demo.ts';
import { FOREVER, type EntraideStoryParameters, type MockApi } from './support/mock-api.ts';

interface Args {
  /** Forces a theme; by default the page's colour scheme decides. */
  theme?: 'light' | 'dark';
  /** Language of the forum; by default the nearest `lang`. */
  locale?: 'fr' | 'en';
  /** Brand colours and shapes through `--entraide-*` custom properties. */
  brand?: string;
}

/**
 * The forum as a brand page embeds it. The story plays the page's part: it answers
 * `entraide-sign-in-requested` by signing in as Kali29 (the demo's top helper) (the page's own sign-in would open here).
 */
function renderForum({ theme, locale, brand }: Args, api: MockApi): EntraideForum {
  const forum = document.createElement('entraide-forum');
  if (theme) forum.theme = theme;
  if (locale) forum.locale = locale;
  if (brand) forum.setAttribute('style', brand);
  if (api.token) void forum.setToken(api.token);
  forum.addEventListener('entraide-sign-in-requested', (event) => {
    event.preventDefault();
    void api.forum.member(DEMO_PEOPLE.topHelper).then((member) => forum.setToken(member.token));
  });
  return forum;
}

const meta: Meta<Args> = {
  title: 'Elements/Forum',
  component: 'entraide-forum',
  render: (args, { loaded }) => renderForum(args, loaded.api as MockApi),
  argTypes: {
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    locale: { control: 'inline-radio', options: [undefined, 'fr', 'en'] },
  },
};

export default meta;
type Story = StoryObj<Args>;
const mock = (entraide: EntraideStoryParameters) => ({ entraide });
/** The route of a demo thread (see stories/support/demo.ts). */
const threadRoute = (name: DemoThreadName): EntraideStoryParameters['route'] => ({ demo }) => `/threads/${demo.threads[name]}`;
/** The route of a demo category's questions, by slug. */
const categoryRoute = (slug: string, tail = ''): EntraideStoryParameters['route'] => ({ demo }) => `/categories/${demo.categories[slug]}${tail}`;

/** A guest lands on the categories; "Sign in" signs in as Kali29. */
export const SignedOut: Story = {};

/** A member, with their status in the header. */
export const Member: Story = { parameters: mock({ signedInAs: DEMO_PEOPLE.asker }) };

/** An advisor of the technical team, on a thread where an advisor left a public trace. */
export const Advisor: Story = { parameters: mock({ signedInAs: DEMO_PEOPLE.technicalAdvisor, route: threadRoute('trace') }) };

/** Deep link to a category's questions. */
export const CategoryView: Story = { parameters: mock({ route: categoryRoute('assistance-technique') }) };

/** Deep link to a solved thread. */
export const ThreadView: Story = { parameters: mock({ route: threadRoute('solved'), signedInAs: DEMO_PEOPLE.topHelper }) };

/** Asking a new question, signed in. */
export const NewQuestion: Story = { parameters: mock({ route: categoryRoute('assistance-technique', '/new'), signedInAs: DEMO_PEOPLE.englishMember }) };

/** A guest on "New question" is asked to sign in first. */
export const NewQuestionSignedOut: Story = { parameters: mock({ route: categoryRoute('assistance-technique', '/new') }) };

/** A long thread inside the forum: the demo's longest, with 150 more replies from members taking turns (SQL). */
export const LongThread: Story = {
  parameters: mock({ route: threadRoute('long'), setup: ({ forum, demo }) => addReplies(forum, demo.threads.long, 150) }),
};

/** An unknown address. */
export const NotFound: Story = { parameters: mock({ route: '/nowhere' }) };

/** While the API answers. */
export const Loading: Story = { parameters: mock({ mock: { latency: FOREVER } }) };

/** A community with no category yet. */
export const Empty: Story = { parameters: mock({ setup: ({ forum }) => emptyCommunity(forum) }) };

/** The API is down (500 on every read). */
export const ServerError: Story = {
  parameters: mock({ mock: { failures: { getCommunity: 500, listThreads: 500, getThread: 500 } } }),
  tags: ['expected-http-error'],
};

/** `locale="en"` on the element. */
export const English: Story = { args: { locale: 'en' }, parameters: mock({ route: threadRoute('english') }) };

/** A search kept in the URL (`#/search?q=forfiat`): the typo finds nothing, and "did you mean « forfait »?" is offered. */
export const SearchInUrl: Story = { parameters: mock({ route: '/search?q=forfiat' }) };

/** The same in English, with the header's language switcher showing "EN" pressed. */
export const SearchInUrlEnglish: Story = { args: { locale: 'en' }, parameters: mock({ route: '/search?q=voicemial' }) };

/** `theme="dark"` on the element, whatever the page says. */
export const Dark: Story = { args: { theme: 'dark' }, parameters: mock({ route: threadRoute('solved') }), globals: { theme: 'dark' } };

/** A brand theme: its own colours, font and corners, set on the element with `--entraide-*`. */
export const BrandTheme: Story = {
  args: {
    brand: [
      '--entraide-color-accent: #a4005b',
      '--entraide-color-focus: #a4005b',
      '--entraide-color-advisor: #005a70',
      '--entraide-color-advisor-surface: #e8f6f9',
      '--entraide-font-family: Georgia, serif',
      '--entraide-radius: 0',
    ].join(';'),
    theme: 'light',
  },
  parameters: mock({ route: threadRoute('solved') }),
};

/** A 360 px wide phone screen, on a thread. */
export const Phone: Story = {
  render: (args, { loaded }) => {
    const frame = document.createElement('div');
    // 360 px on a desktop preview; on a real phone, the screen's width (the frame must not be what overflows).
    frame.style.cssText = 'width: 360px; max-width: 100%; box-sizing: border-box; border: 1px dashed #888';
    frame.append(renderForum(args, loaded.api as MockApi));
    return frame;
  },
  parameters: mock({ route: threadRoute('example'), signedInAs: DEMO_PEOPLE.asker }),
};
