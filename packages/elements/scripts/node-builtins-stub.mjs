// Web Test Runner resolves every import, also the Node-only branches that PGlite takes on Node
// (`await import('fs/promises')` behind a runtime check). In the browser those branches never
// run; this plugin points them at an empty module so resolving them does not fail.
const builtins = new Set(['fs', 'fs/promises', 'module', 'stream', 'stream/promises', 'util', 'zlib', 'path', 'url', 'crypto']);

export function nodeBuiltinsStub() {
  return {
    name: 'node-builtins-stub',
    resolveImport({ source }) {
      const name = source.startsWith('node:') ? source.slice(5) : source;
      if (builtins.has(name)) return '/__node-builtin-stub.js';
    },
    serve(context) {
      if (context.path === '/__node-builtin-stub.js') return { body: 'export default {};', type: 'js' };
    },
  };
}
