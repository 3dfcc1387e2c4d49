/// <reference types="vite/client" />
import { Controls, Description, Primary, Subtitle, Title } from '@storybook/addon-docs/blocks';
import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createElement, Fragment } from 'react';
import { publicManifest, type Manifest } from '../scripts/manifest-shape.ts';
import { mockApiLoader } from '../stories/support/mock-api.ts';

// Args tables come from the elements' JSDoc through the manifest (`npm run build:manifest`);
// without one (a fresh clone), stories still work with the args they declare.
const manifests = import.meta.glob<{ default: unknown }>('../custom-elements.json', { eager: true });
// Only what a page may use: private and protected members are the element's own business.
const manifest = Object.values(manifests)[0]?.default as Manifest | undefined;
if (manifest) setCustomElementsManifest(withSummaries(publicManifest(manifest)));

/** The docs page's description block reads `description` only: the element's `@summary` goes first. */
function withSummaries(manifest: Manifest): Manifest {
  const modules = manifest.modules.map((module) => ({
    ...module,
    declarations: module.declarations?.map((declaration) =>
      declaration.customElement ? { ...declaration, description: [declaration.summary, declaration.description].filter(Boolean).join('\n\n') } : declaration),
  }));
  return { ...manifest, modules };
}

/**
 * An element's docs page: its summary and description, its first story live, then its properties,
 * events, slots, parts and custom properties from the manifest. The other stories are a click
 * away in the sidebar: rendered together they would share one mock community.
 */
const docsPage = () => createElement(Fragment, null, createElement(Title), createElement(Subtitle), createElement(Description), createElement(Primary), createElement(Controls));

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
  // A docs page per element: its summary, properties, events, slots, parts and custom properties from the manifest, then its stories.
  tags: ['autodocs'],
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
    docs: { page: docsPage },
  },
};

export default preview;
