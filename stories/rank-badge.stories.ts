import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/rank-badge/rank-badge.ts';
import { DEFAULT_RANK_LADDER } from '../src/core/index.ts';

interface Args {
  level: number;
  name: string;
}

const nameOf = (level: number) => DEFAULT_RANK_LADDER.steps[level - 1]?.name ?? '';

const meta: Meta<Args> = {
  title: 'Elements/Rank badge',
  component: 'entraide-rank-badge',
  render: ({ level, name }) => html`<entraide-rank-badge .level=${level} .name=${name}></entraide-rank-badge>`,
  args: { level: 9, name: nameOf(9) },
  argTypes: { level: { control: { type: 'range', min: 1, max: 15, step: 1 } } },
};

export default meta;
type Story = StoryObj<Args>;

/** One status; move the level to see the four colour bands. */
export const Level: Story = {};

/** The whole ladder, levels 1 to 15, in its four colour bands. */
export const EveryRank: Story = {
  render: () => html`
    <ul style="list-style: none; padding: 0; display: grid; gap: 0.5rem">
      ${DEFAULT_RANK_LADDER.steps.map((step, index) => html`<li><entraide-rank-badge .level=${index + 1} .name=${step.name}></entraide-rank-badge></li>`)}
    </ul>
  `,
};

/** The ladder on a dark page. */
export const EveryRankDark: Story = { ...EveryRank, globals: { theme: 'dark' } };

/** A beginner: grey band. */
export const Beginner: Story = { args: { level: 1, name: nameOf(1) } };

/** The top of the ladder: amber band. */
export const Top: Story = { args: { level: 15, name: nameOf(15) } };
