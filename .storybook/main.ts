import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(vite) {
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
