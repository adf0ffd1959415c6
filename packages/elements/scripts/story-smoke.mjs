// Builds Storybook statically and opens every story and docs page in headless Chromium. A story
// fails on a console error, an uncaught exception, Storybook's error display, or any axe-core
// violation in the story's own markup (Storybook's controls and chrome are not ours to check).
// Each check waits for the state it checks, never for a fixed time: every widget has finished
// loading (stories tagged `stays-loading` show the loading state on purpose and are checked as
// they are), and the a11y addon's own axe run has ended. The limits on those waits are generous
// because a busy machine is slow, not because anything takes that long.
import { spawnSync } from 'node:child_process';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { serveStatic } from './static-server.mjs';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const out = `${root}storybook-static`;
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npm', ['run', 'build-storybook'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('storybook build failed');
    process.exit(1);
  }
}

const index = JSON.parse(await readFile(`${out}/index.json`, 'utf8'));
// Every story, and every docs page (generated from the manifest), which renders them together.
const stories = Object.values(index.entries).filter((e) => e.type === 'story' || e.type === 'docs');
const only = process.env.STORY_FILTER;
// Stories that show the loading state on purpose: a docs page renders them too.
const staysLoading = Object.values(index.entries)
  .filter((e) => e.type === 'story' && e.tags?.includes('stays-loading'))
  .map((e) => e.id);
const LIMIT = 180_000;
const server = await serveStatic(out);
const browser = await puppeteer.launch({ executablePath: chromiumPath(), args: chromiumArgs(), headless: true });

/** Every problem one story shows. */
async function check(story) {
  const problems = [];
  const page = await browser.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  try {
    await page.goto(`${server.origin}/iframe.html?id=${story.id}&viewMode=${story.type}`, { waitUntil: 'load' });
    await page.waitForFunction(
      () => document.body.classList.contains('sb-show-main') || document.body.classList.contains('sb-show-errordisplay'),
      { timeout: LIMIT },
    );
    // What belongs to the story: the story's root, or on a docs page each rendered story block.
    const scope = story.type === 'docs' ? '#storybook-docs .sb-story' : '#storybook-root';
    if (story.type === 'docs') {
      // A docs page renders every story of the element once its blocks have mounted.
      await page.waitForFunction((scope) => document.querySelector(scope) !== null, { timeout: LIMIT, polling: 100 }, scope);
    }
    if (await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'))) {
      problems.push(`story error: ${await page.evaluate(() => document.querySelector('#error-message')?.textContent ?? '')}`);
    } else if (!story.tags.includes('stays-loading')) {
      // Wait until no widget (at any shadow depth) in the story's markup is still loading.
      await page.waitForFunction(
        (scope, staysLoading) => {
          const loading = (root) =>
            [...root.querySelectorAll('*')].some((el) => {
              try {
                if (el.matches(':state(loading)')) return true;
              } catch {}
              return el.shadowRoot ? loading(el.shadowRoot) : false;
            });
          const onPurpose = (block) => staysLoading.some((id) => block.id === `story--${id}` || block.id.startsWith(`story--${id}--`));
          const blocks = [...document.querySelectorAll(scope)].filter((block) => !onPurpose(block));
          return !blocks.some(loading);
        },
        { timeout: LIMIT, polling: 100 },
        scope,
        staysLoading,
      );
    }
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async (scope) => {
      // The a11y addon runs axe in the same page after each render; wait for its run to end.
      const run = async (block) => {
        for (;;) {
          try {
            return await window.axe.run(block, { resultTypes: ['violations'] });
          } catch (error) {
            if (!String(error).includes('already running')) throw error;
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        }
      };
      // Each story block on its own, as a host page would hold it: a docs page shows several
      // stories of one element side by side, whose landmarks would otherwise count as duplicates.
      const found = [];
      for (const block of document.querySelectorAll(scope)) {
        const result = await run(block);
        found.push(...result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`));
      }
      return found;
    }, scope);
    for (const v of violations) problems.push(`axe ${v}`);
    if (story.type === 'docs') {
      // A docs page lists the element's API from the manifest: an empty table means it is missing.
      const rows = await page.evaluate(() => document.querySelectorAll('#storybook-docs table tbody tr').length);
      if (rows === 0) problems.push('docs page shows no API table');
    }
  } catch (error) {
    problems.push(`failed to check: ${error.message}`);
  } finally {
    await page.close();
  }
  return problems;
}

let passed = 0;
let failed = 0;
const started = Date.now();
for (const story of stories) {
  if (only && !story.id.includes(only)) continue;
  const problems = await check(story);
  if (problems.length === 0) {
    passed += 1;
    console.log(`  ✓ ${story.title} › ${story.name}${story.type === 'docs' ? ' (docs)' : ''}`);
  } else {
    failed += 1;
    console.log(`  ✗ ${story.title} › ${story.name}`);
    for (const p of problems) console.log(`      ${p}`);
  }
}
await browser.close();
await server.close();
console.log(`\n${passed + failed} stories checked in ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (process.env.LO_RESULTS_DIR) {
  await mkdir(process.env.LO_RESULTS_DIR, { recursive: true });
  await writeFile(`${process.env.LO_RESULTS_DIR}/stories.json`, JSON.stringify({ passed, failed }));
}
console.log(`stories: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
