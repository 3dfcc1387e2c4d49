/// <reference types="vite/client" />
import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { mockApiLoader } from '../stories/support/mock-api.ts';

// Args tables come from the elements' JSDoc through the manifest (`npm run build:manifest`);
// without one (a fresh clone), stories still work with the args they declare.
const manifests = import.meta.glob<{ default: unknown }>('../custom-elements.json', { eager: true });
const manifest = Object.values(manifests)[0]?.default;
if (manifest) setCustomElementsManifest(manifest);

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
  // Every story gets a fresh msw mock community (`parameters.entraide`), see stories/support/mock-api.ts.
  loaders: [mockApiLoader],
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
