// `npm run bench:elements`: measures in headless Chromium and prints a table. Not a test: the
// numbers depend on the machine; they are reported, never asserted.
import { fileURLToPath } from 'node:url';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { nodeBuiltinsStub } from '../scripts/node-builtins-stub.mjs';
import { serveBinary } from '../scripts/serve-binary.mjs';

const rootDir = fileURLToPath(new URL('../../..', import.meta.url));
const tsconfig = fileURLToPath(new URL('../../../tsconfig.json', import.meta.url));

const server = await startDevServer({
  config: {
    rootDir,
    port: 0,
    hostname: '127.0.0.1',
    // Lit's production build, as hosts ship it.
    nodeResolve: { exportConditions: ['source', 'browser', 'production'] },
    middleware: [serveBinary(rootDir)],
    plugins: [nodeBuiltinsStub(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig })],
    mimeTypes: { '**/*.wasm': 'application/wasm' },
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const { port } = server.server.address();
const browser = await puppeteer.launch({
  executablePath: chromiumPath(),
  args: chromiumArgs(),
  headless: true,
  protocolTimeout: 900000,
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  page.on('console', (msg) => msg.type() === 'info' && console.log(msg.text()));
  await page.setViewport({ width: 1024, height: 768 });
  // `npm run bench:elements -- admin-table` runs one part only (see browser.ts).
  const only = process.argv[2] ? `?only=${encodeURIComponent(process.argv[2])}${process.argv[3] ? `&clients=${Number(process.argv[3])}` : ''}` : '';
  await page.goto(`http://127.0.0.1:${port}/packages/elements/bench/index.html${only}`);
  await page.waitForFunction(() => window.benchResults, { timeout: 900000, polling: 1000 });
  const results = await page.evaluate(() => window.benchResults);
  if (results.error) throw new Error(results.error);
  console.log(`Chromium ${await browser.version()}, ${new Date().toISOString()}`);
  console.table(results.rows);
} finally {
  await browser.close();
  await server.stop();
}
