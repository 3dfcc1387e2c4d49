import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/language-switcher/language-switcher.ts';
import type { Locale } from '../src/core/index.ts';

interface Args {
  /** The languages the community offers. */
  locales: Locale[];
  /** The language shown now. */
  value: Locale;
}

const meta: Meta<Args> = {
  title: 'Elements/Language switcher',
  component: 'entraide-language-switcher',
  render: ({ locales, value }) => html`<entraide-language-switcher .locales=${locales} value=${value}></entraide-language-switcher>`,
  args: { locales: ['fr', 'en'], value: 'fr' },
};

export default meta;
type Story = StoryObj<Args>;

/** In a French forum: "FR" pressed, the group named "Langue". */
export const French: Story = {};

/** In an English forum: "EN" pressed, the group named "Language". */
export const English: Story = { args: { value: 'en' }, globals: { locale: 'en' } };

/** On a dark page. */
export const Dark: Story = { globals: { theme: 'dark' } };

/** A community with one language: nothing to choose, nothing shown. */
export const OneLanguage: Story = { args: { locales: ['fr'] } };
