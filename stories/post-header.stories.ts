import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/post-header/post-header.ts';
import type { Author } from '../src/contract/models.ts';
import { authorsOnEveryRank } from './support/fixtures.ts';

interface Args {
  author: Author;
  postedAt: string;
  /** Overrides the toolbar language for side-by-side comparisons. */
  locale?: 'fr' | 'en';
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

const beginner: Author = {
  id: 3, pseudonym: 'Theo56', role: 'member', team: null, rank: { level: 1, name: 'Newcomer' }, postCount: 2, joinedAt: '2026-11-20T08:15:00Z',
};

const topMember: Author = {
  id: 1, pseudonym: 'Kali29', role: 'member', team: null, rank: { level: 15, name: 'Super legend' }, postCount: 12_419, joinedAt: '2019-03-12T09:00:00Z',
};

const technicalAdvisor: Author = {
  id: 4, pseudonym: 'Karim-Volta', role: 'advisor', team: 'technical', rank: { level: 14, name: 'Legend' }, postCount: 3_204, joinedAt: '2022-01-10T08:00:00Z',
};

const meta: Meta<Args> = {
  title: 'Elements/Post header',
  component: 'entraide-post-header',
  render: ({ author, postedAt }) => html`<entraide-post-header .author=${author} .postedAt=${postedAt}></entraide-post-header>`,
  args: { author: topMember, postedAt: minutesAgo(7) },
  argTypes: {
    locale: { control: 'inline-radio', options: ['fr', 'en'] },
  },
};

export default meta;
type Story = StoryObj<Args>;

/** A member who joined this week: level 1, a handful of posts. */
export const Beginner: Story = { args: { author: beginner, postedAt: minutesAgo(3) } };

/** The top of the ladder: the community's most active helper. */
export const TopRankedMember: Story = { args: { author: topMember, postedAt: minutesAgo(9) } };

/** An advisor of the technical team: role badge and a distinct avatar. */
export const TechnicalAdvisor: Story = { args: { author: technicalAdvisor, postedAt: minutesAgo(240) } };

/** "12 419 messages", "Membre depuis mars 2019". */
export const InFrench: Story = { args: { author: topMember, postedAt: minutesAgo(60 * 26), locale: 'fr' } };

/** "12,419 posts", "Member since March 2019". */
export const InEnglish: Story = { args: { author: topMember, postedAt: minutesAgo(60 * 26), locale: 'en' } };

/** A moderator: role badge, no team. */
export const Moderator: Story = { args: { author: { ...technicalAdvisor, id: 6, pseudonym: 'Sentinelle42', role: 'moderator', team: null }, postedAt: minutesAgo(30) } };

/** One header per step of the ladder, levels 1 to 15. */
export const EveryRank: Story = {
  render: ({ postedAt }) => html`
    <div style="display: grid; gap: 0.75rem">
      ${authorsOnEveryRank().map((author) => html`<entraide-post-header .author=${author} .postedAt=${postedAt}></entraide-post-header>`)}
    </div>
  `,
};

/** Member and advisor headers on a dark page. */
export const Dark: Story = {
  render: ({ postedAt }) => html`
    <div style="display: grid; gap: 0.75rem">
      <entraide-post-header .author=${topMember} .postedAt=${postedAt}></entraide-post-header>
      <entraide-post-header .author=${technicalAdvisor} .postedAt=${postedAt}></entraide-post-header>
    </div>
  `,
  globals: { theme: 'dark' },
};
