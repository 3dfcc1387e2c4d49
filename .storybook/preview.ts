import type { Decorator, Preview } from '@storybook/web-components-vite';
import { html } from 'lit';

/**
 * Toolbar switches for language and theme. Elements follow the nearest `lang` and the
 * inherited `color-scheme`, so a wrapper is all a story needs.
 */
const withLocaleAndTheme: Decorator = (story, context) => {
  const locale = (context.args.locale as string | undefined) ?? (context.globals.locale as string);
  const theme = context.globals.theme as 'light' | 'dark';
  const background = theme === 'dark' ? '#151a23' : '#ffffff';
  return html`<div lang=${locale} style="color-scheme: ${theme}; background: ${background}; padding: 1rem; max-width: 40rem">${story()}</div>`;
};

const preview: Preview = {
  decorators: [withLocaleAndTheme],
  globalTypes: {
    locale: {
      description: 'Language of the elements',
      toolbar: { title: 'Language', icon: 'globe', items: [{ value: 'fr', title: 'Français' }, { value: 'en', title: 'English' }], dynamicTitle: true },
    },
    theme: {
      description: 'Colour scheme',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
  },
  initialGlobals: { locale: 'fr', theme: 'light' },
  parameters: {
    // Every story is checked by axe-core; a violation fails the story's accessibility panel.
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
};

export default preview;
