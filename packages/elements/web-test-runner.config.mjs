import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { plainReporter } from './scripts/plain-reporter.mjs';
import { nodeBuiltinsStub } from './scripts/node-builtins-stub.mjs';
import { serveBinary } from './scripts/serve-binary.mjs';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';
import { reactGroups, reactVersionsPlugin } from './scripts/react-versions.mjs';

// esbuild does not follow `extends`, so point it at the file that holds the decorator settings.
const tsconfig = fileURLToPath(new URL('../../tsconfig.json', import.meta.url));
const rootDir = fileURLToPath(new URL('../..', import.meta.url));

export default {
  rootDir,
  middleware: [serveBinary(rootDir)],
  files: ['test/**/*.test.ts', '!test/react/**'],
  // The React wrappers' tests run once per supported React major (scripts/react-versions.mjs).
  groups: reactGroups('test/react/**/*.test.ts'),
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  plugins: [reactVersionsPlugin(), nodeBuiltinsStub(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig })],
  mimeTypes: { '**/*.wasm': 'application/wasm' },
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath(), args: chromiumArgs(), headless: true },
    }),
  ],
  // Lit's dev-mode notice is expected in tests; everything else the browser logs is shown.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  // One page at a time: headless Chromium gives a page in the background no animation frames,
  // and fixtures wait for one. The suite is short; the database tests share one PGlite per file.
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 300000,
  reporters: [summaryReporter({ flatten: false }), defaultReporter(), plainReporter()],
};
