// The manifest documents the public elements from their JSDoc; Storybook's docs pages and any
// generated framework wrappers read it. Private, protected and internal members are left out:
// the manifest is the public API.
function publicApiOnly() {
  const hidden = (member) =>
    member.privacy === 'private' ||
    member.privacy === 'protected' ||
    member.name.startsWith('#') ||
    member.static ||
    ['sdk', 'localize', 'internals', 'data'].includes(member.name);
  return {
    name: 'public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.members) declaration.members = declaration.members.filter((m) => !hidden(m));
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/shared/locales/**', 'src/react/**'],
  outdir: '.',
  litelement: true,
  plugins: [publicApiOnly()],
};
