import type { ArgTypesEnhancer, Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../packages/elements/custom-elements.json';
import '@lead-orders/elements';
import '@lead-orders/elements/locales/register-de.js';
import '@lead-orders/elements/locales/register-ar.js';
import { forStorybook } from '../stories/support/manifest.js';

setCustomElementsManifest(forStorybook(manifest));

/**
 * Language, direction and colour scheme from the toolbar, applied the way a host page would: the
 * page's own text colour goes with its background, so nothing around the widgets is dark on dark.
 */
const host: Decorator = (story, { globals }) => {
  const dark = globals.theme === 'dark';
  return html`<div
    lang=${globals.locale ?? 'en'}
    dir=${globals.dir ?? 'ltr'}
    style="--lo-color-scheme: ${dark ? 'dark' : 'light'}; color-scheme: ${dark ? 'dark' : 'light'};
      background: ${dark ? '#0f1115' : '#ffffff'}; color: ${dark ? '#e8eaed' : '#1f2328'}; padding: 1rem; max-width: 44rem"
  >
    ${story()}
  </div>`;
};

/**
 * Events, CSS parts, CSS custom properties and slots are listed in the docs table but are not
 * settable through args: no "Set object" control for them.
 */
const noControlFor = new Set(['events', 'css shadow parts', 'css custom properties', 'slots']);
const documentationOnly: ArgTypesEnhancer = ({ argTypes }) =>
  Object.fromEntries(
    Object.entries(argTypes).map(([name, argType]) => [
      name,
      noControlFor.has(String(argType.table?.category)) ? { ...argType, control: false } : argType,
    ]),
  );
// Runs after Storybook's own enhancers, which infer the controls.
documentationOnly.secondPass = true;

const preview: Preview = {
  decorators: [host],
  argTypesEnhancers: [documentationOnly],
  globalTypes: {
    locale: {
      description: 'Language of the widgets',
      toolbar: { title: 'Language', icon: 'globe', items: [
          { value: 'en', title: 'English' },
          { value: 'de', title: 'Deutsch' },
          { value: 'ar', title: 'العربية (Arabic, right to left)' },
        ], dynamicTitle: true },
    },
    dir: {
      description: 'Text direction',
      toolbar: { title: 'Direction', icon: 'transfer', items: [{ value: 'ltr', title: 'Left to right' }, { value: 'rtl', title: 'Right to left' }], dynamicTitle: true },
    },
    theme: {
      description: 'Colour scheme',
      toolbar: { title: 'Theme', icon: 'mirror', items: [{ value: 'light', title: 'Light' }, { value: 'dark', title: 'Dark' }], dynamicTitle: true },
    },
    user: {
      description: 'Who the data-driven stories act as (a real database in the page)',
      toolbar: {
        title: 'Acting user',
        icon: 'user',
        items: [
          { value: 'admin', title: 'Admin' },
          { value: 'clientA', title: 'Client A' },
          { value: 'clientB', title: 'Client B' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', dir: 'ltr', theme: 'light', user: 'admin' },
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
  tags: ['autodocs'],
};

export default preview;
