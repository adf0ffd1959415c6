// Runs the React tests once per supported React major in real Chromium. React ships CommonJS
// only, so each version (React 18 in the root's test/fixtures/react-18, in its own node_modules so
// nothing else sees it; React 19 under the root's npm aliases react-19/react-dom-19) is bundled
// once by esbuild into one ES module, and small
// modules re-export it as `react` and `react-dom/client`. A test (and the generated wrappers it
// imports) says `import React from 'react'`; the plugin points that at `/__react/…`, and each
// test group's page maps `/__react/` to its version with an import map.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const packageDir = fileURLToPath(new URL('..', import.meta.url));

const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** The React majors we test, and where their packages are installed (resolved from `from`). */
export const reactVersions = {
  18: { react: 'react', reactDom: 'react-dom', from: `${repositoryRoot}test/fixtures/react-18` },
  19: { react: 'react-19', reactDom: 'react-dom-19', from: packageDir },
};

const packageRoot = (name, from) => dirname(require.resolve(`${name}/package.json`, { paths: [from] }));
const specifiers = { react: 'react.js', 'react-dom/client': 'react-dom-client.js' };

async function bundle(version) {
  const { react: reactName, reactDom: reactDomName, from } = reactVersions[version];
  const react = packageRoot(reactName, from);
  const reactDom = packageRoot(reactDomName, from);
  const result = await build({
    stdin: {
      contents: "import * as React from 'react'; import * as ReactDOMClient from 'react-dom/client'; export { React, ReactDOMClient };",
      resolveDir: packageDir,
      loader: 'js',
    },
    alias: { react, 'react-dom': reactDom },
    bundle: true,
    format: 'esm',
    write: false,
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  });
  const namesOf = (module) => Object.keys(module).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default');
  // Named exports come from loading the same CommonJS modules in Node.
  const reactNames = namesOf(require(react));
  const clientNames = namesOf(require(`${reactDom}/client.js`));
  const reexport = (name, names) =>
    `import { ${name} } from './runtime.js';\nexport default ${name};\nexport const { ${names.join(', ')} } = ${name};\n`;
  return {
    'runtime.js': result.outputFiles[0].text,
    'react.js': reexport('React', reactNames),
    'react-dom-client.js': reexport('ReactDOMClient', clientNames),
  };
}

/** A dev-server plugin: resolves `react` and `react-dom/client` to `/__react/…` and serves each version's modules. */
export function reactVersionsPlugin() {
  const files = new Map();
  return {
    name: 'react-versions',
    async serverStart() {
      for (const version of Object.keys(reactVersions)) {
        for (const [name, body] of Object.entries(await bundle(version))) files.set(`/__react-${version}/${name}`, body);
      }
      // A page without a version's import map (a test file run on its own) gets the newest React.
      const newest = Math.max(...Object.keys(reactVersions).map(Number));
      for (const [path, body] of [...files]) if (path.startsWith(`/__react-${newest}/`)) files.set(path.replace(`/__react-${newest}/`, '/__react/'), body);
    },
    resolveImport({ source }) {
      if (source in specifiers) return `/__react/${specifiers[source]}`;
    },
    serve(context) {
      const body = files.get(context.path);
      if (body !== undefined) return { body, type: 'js' };
    },
  };
}

/** One test group per React version over `files`, each page mapping `/__react/` to its version. */
export function reactGroups(files) {
  return Object.keys(reactVersions).map((version) => ({
    name: `react-${version}`,
    files,
    testRunnerHtml: (testFramework) => `<!doctype html>
<html>
  <head><script type="importmap">{ "imports": { "/__react/": "/__react-${version}/" } }</script></head>
  <body><script type="module" src="${testFramework}"></script></body>
</html>`,
  }));
}
