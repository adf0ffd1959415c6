// `npm test` for the elements: the generated React wrappers match the manifest, the React typings
// type-check a consumer's TSX, the browser tests, the size budgets, and the Storybook smoke test
// (static build, every story opened in Chromium). Each step runs even when an earlier one fails,
// and the closing line adds them up: every browser test and every story counts once, and each
// other step counts as one.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cwd = fileURLToPath(new URL('..', import.meta.url));
const results = mkdtempSync(join(tmpdir(), 'lo-elements-'));
const env = { ...process.env, LO_RESULTS_DIR: results };
const run = (command, args) => spawnSync(command, args, { cwd, env, stdio: 'inherit' }).status === 0;

const steps = {
  'React wrappers match custom-elements.json': run('npx', ['cem', 'analyze']) && run('node', ['scripts/generate-react.mjs', '--check']),
  'React typings (tsc on a TSX consumer)': run('npx', ['tsc', '-p', 'test/types/tsconfig.json']),
  'React 18 typings (tsc on a TSX consumer with @types/react 18)': run('npx', ['tsc', '-p', 'test/types/tsconfig.react18.json']),
  'browser tests': run('npx', ['web-test-runner']),
  'size budgets': run('node', ['scripts/check-size.mjs']),
  'storybook stories': run('node', ['scripts/story-smoke.mjs']),
};

const read = (name) => (existsSync(join(results, name)) ? JSON.parse(readFileSync(join(results, name), 'utf8')) : null);
const browser = read('browser-tests.json');
const stories = read('stories.json');
const single = Object.keys(steps).filter((name) => !['browser tests', 'storybook stories'].includes(name));
let passed = (browser?.passed ?? 0) + (stories?.passed ?? 0) + single.filter((name) => steps[name]).length;
let failed = (browser?.failed ?? 0) + (stories?.failed ?? 0) + single.filter((name) => !steps[name]).length;
// A step that died before reporting counts as a failure of its own.
if (!steps['browser tests'] && !browser?.failed) failed += 1;
if (!steps['storybook stories'] && !stories?.failed) failed += 1;

console.log('\nelements:');
for (const [name, ok] of Object.entries(steps)) console.log(`  ${ok ? '✓' : '✗'} ${name}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(Object.values(steps).every(Boolean) ? 0 : 1);
