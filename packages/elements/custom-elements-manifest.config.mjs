// The manifest documents the public elements from their JSDoc; Storybook's docs pages and any
// generated framework wrappers read it.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/shared/locales/**'],
  outdir: '.',
  litelement: true,
};
