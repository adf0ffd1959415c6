// How the root rollup.config.mjs builds this package: one ES module per source file in dist/
// (so `sideEffects` keeps working for the host's bundler) with Lit and the SDK left external.
// Type declarations come from `tsc --emitDeclarationOnly` (npm run build:types).
import { fileURLToPath } from 'node:url';
import { readdirSync, existsSync } from 'node:fs';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { minifyTemplatesPlugin } from './scripts/minify-templates.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
export const tsconfig = here('../../tsconfig.json');

/**
 * The package's public entries: the index, every element's registration file, every locale, and
 * the React wrappers and JSX typings (generated into src/react/ by scripts/generate-react.mjs).
 */
export function entries() {
  const src = here('./src');
  const input = {
    index: `${src}/index.ts`,
    standalone: `${src}/standalone.ts`,
    'react/index': `${src}/react/index.ts`,
    'react/jsx': `${src}/react/jsx.ts`,
  };
  for (const dir of readdirSync(src, { withFileTypes: true })) {
    if (dir.isDirectory() && existsSync(`${src}/${dir.name}/define.ts`)) input[`${dir.name}/define`] = `${src}/${dir.name}/define.ts`;
  }
  for (const file of readdirSync(`${src}/shared/locales`)) {
    if (file.endsWith('.ts') && file !== 'terms.ts') input[`shared/locales/${file.slice(0, -3)}`] = `${src}/shared/locales/${file}`;
  }
  return input;
}

export const esbuildOptions = { target: 'es2022', tsconfig, minify: false };

export default [
  {
    input: entries(),
    external: (id) => /^(lit|@lit\/|@lead-orders\/|react$|react\/)/.test(id),
    // react/jsx holds only types: its JavaScript module is empty on purpose.
    onwarn(warning, warn) {
      if (warning.code !== 'EMPTY_BUNDLE') warn(warning);
    },
    plugins: [nodeResolve({ exportConditions: ['source'] }), esbuild(esbuildOptions), minifyTemplatesPlugin()],
    output: {
      dir: here('./dist'),
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: here('./src'),
      entryFileNames: '[name].js',
    },
  },
  // The single self-contained module for pages without a bundler (see src/standalone.ts). Built
  // from dist/ after the build above, so Lit's production build, the SDK's dist and `sideEffects`
  // apply as in a host's bundler; only supabase-js (a type import) stays out.
  {
    input: here('./dist/standalone.js'),
    plugins: [nodeResolve({ browser: true }), terser({ module: true, ecma: 2022, compress: { passes: 2 }, format: { comments: false } })],
    // zod's own circular imports and comments are harmless and not ours to fix.
    onwarn(warning, warn) {
      if (['THIS_IS_UNDEFINED', 'CIRCULAR_DEPENDENCY', 'INVALID_ANNOTATION'].includes(warning.code)) return;
      warn(warning);
    },
    // One file: the SDK's lazily loaded CSV writer is inlined too (a page without a bundler loads one module).
    output: { file: here('./dist/lead-orders.min.js'), format: 'es', sourcemap: true, inlineDynamicImports: true },
  },
];
