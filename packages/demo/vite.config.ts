import { defineConfig } from 'vite';
import { demoSnapshot } from './scripts/snapshot-plugin.mjs';

// The portal is built as a customer's React portal would be, with one difference: it reads the
// workspace packages from their TypeScript sources (the `source` export condition), so it needs
// no package build first.
export default defineConfig({
  plugins: [demoSnapshot()],
  resolve: {
    conditions: ['source', 'browser', 'module', 'import', 'default'],
    // One React for the page: the elements' wrappers must use the portal's copy, not one a
    // workspace package keeps for its own tests.
    dedupe: ['react', 'react-dom'],
  },
  // SUPABASE_URL and SUPABASE_ANON_KEY switch the portal from the demo database to a real project.
  envPrefix: ['VITE_', 'SUPABASE_'],
  esbuild: {
    jsx: 'automatic',
    // Lit's decorators in the elements' sources (see the root tsconfig).
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
  },
  optimizeDeps: {
    // PGlite finds its .wasm and .data files next to its own module: it must not be pre-bundled.
    exclude: ['@electric-sql/pglite'],
    include: ['lit/directive-helpers.js'],
  },
  // The database worker imports PGlite, which splits into chunks: ES module workers only.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // PGlite (WASM + data, about 5 MB gzip) is large by nature; it loads in the worker only.
    chunkSizeWarningLimit: 12000,
    reportCompressedSize: true,
  },
  server: { port: 5173 },
  preview: { port: 5173 },
});
