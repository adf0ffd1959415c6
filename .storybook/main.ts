import type { StorybookConfig } from '@storybook/web-components-vite';
import { demoSnapshot } from '../packages/demo/scripts/snapshot-plugin.mjs';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Designers open Storybook to review widgets, not to learn Storybook.
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  async viteFinal(vite) {
    // The live stories start from the demo database snapshot (built here when missing or stale),
    // in the same Web Worker as the demo portal.
    vite.plugins = [...(vite.plugins ?? []), demoSnapshot()];
    vite.worker = { ...(vite.worker ?? {}), format: 'es' };
    vite.resolve ??= {};
    // Read the workspace packages from their TypeScript sources: no build step before Storybook.
    vite.resolve.conditions = ['source', 'browser', 'module', 'import', 'default'];
    vite.optimizeDeps ??= {};
    // One copy of Lit's directive helpers, or two Lit instances end up on the page.
    vite.optimizeDeps.include = [...(vite.optimizeDeps.include ?? []), 'lit/directive-helpers.js'];
    // PGlite finds its .wasm and .data files next to its own module: it must not be pre-bundled.
    vite.optimizeDeps.exclude = [...(vite.optimizeDeps.exclude ?? []), '@electric-sql/pglite'];
    vite.esbuild = { ...(vite.esbuild || {}), tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } } };
    vite.build ??= {};
    vite.build.chunkSizeWarningLimit = 12000; // the demo database (PGlite) is large by nature
    return vite;
  },
};
export default config;
