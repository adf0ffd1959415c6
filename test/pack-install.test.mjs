// The packages as a user gets them: `npm pack` each workspace package, install the three
// tarballs into an empty project (with the peers a portal brings: react, supabase-js, and the
// type packages a TypeScript user has), then use them there with no access to this repository:
// Node imports, the compiled CLI on plain Node, a browser bundle of every entry, and tsc on a
// consumer's TypeScript and TSX against the shipped .d.ts. Needs `npm run build` first (the
// root `npm run test:dist` runs it).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const packages = ['db', 'sdk', 'elements'];
/** The versions this repository builds and tests with, so the install can come from npm's cache. */
const version = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the packed tarballs installed into an empty project', () => {
  let work;
  let app;
  let packed;

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'lo-pack-'));
    app = join(work, 'app');
    const json = execFileSync('npm', ['pack', '--json', '--pack-destination', work, ...packages.flatMap((p) => ['-w', `packages/${p}`])], { cwd: root, encoding: 'utf8' });
    packed = JSON.parse(json.slice(json.indexOf('[')));
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'portal', private: true, type: 'module' }));
    const install = run('npm', ['install', '--prefer-offline', ...packed.map((p) => join(work, p.filename)),
      `react@${version('react-19')}`, `@types/react@${version('@types/react')}`, `typescript@${version('typescript')}`,
      `@types/node@22`, `@supabase/supabase-js@${version('@supabase/supabase-js')}`], app);
    assert.equal(install.code, 0, install.stderr);
    for (const file of readdirSync(join(root, 'test', 'fixtures', 'consumer'))) copyFileSync(join(root, 'test', 'fixtures', 'consumer', file), join(app, file));
    copyFileSync(join(root, 'packages', 'elements', 'test', 'types', 'react-consumer.tsx'), join(app, 'react-consumer.tsx'));
  });
  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('each tarball has its compiled JavaScript, declarations and README, and no tests', () => {
    for (const p of packed) {
      const files = p.files.map((f) => f.path);
      assert.ok(files.includes('dist/index.js'), `${p.name}: dist/index.js`);
      assert.ok(files.includes('dist/index.d.ts'), `${p.name}: dist/index.d.ts`);
      assert.ok(files.includes('README.md'), `${p.name}: README.md`);
      assert.deepEqual(files.filter((f) => f.startsWith('test/')), [], `${p.name} ships no tests`);
      console.log(`${p.name}: ${p.files.length} files, ${(p.size / 1024).toFixed(0)} KB packed, ${(p.unpackedSize / 1024).toFixed(0)} KB unpacked`);
    }
  });

  test('every path in every package.json `exports` and `bin` exists in the installed package', () => {
    for (const name of packages) {
      const dir = join(app, 'node_modules', '@lead-orders', name);
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const targets = Object.values(manifest.exports).flatMap((t) => (typeof t === 'string' ? [t] : [t.types, t.default].filter(Boolean)))
        .concat(Object.values(manifest.bin ?? {}));
      for (const target of targets) {
        const [before, after] = target.split('*');
        if (after === undefined) {
          assert.ok(existsSync(join(dir, target)), `@lead-orders/${name}: ${target}`);
        } else {
          // A pattern: at least one file matches it.
          const folder = join(dir, before.slice(0, before.lastIndexOf('/') + 1));
          assert.ok(existsSync(folder) && readdirSync(folder, { recursive: true }).some((f) => `${join(folder, f)}`.endsWith(after.replace(/^\//, ''))),
            `@lead-orders/${name}: ${target}`);
        }
      }
    }
  });

  test('the Node entries import on plain Node', () => {
    const result = run('node', ['node-consumer.mjs'], app);
    assert.equal(result.code, 0, result.stderr);
    const summary = JSON.parse(result.stdout);
    assert.ok(summary.migrations > 0);
    assert.equal(summary.migrationFiles, summary.migrations, 'the migrations folder ships with the package');
    assert.ok(summary.errorCodes > 0);
    assert.deepEqual(new Set(summary.functions), new Set(['function']));
  });

  test('npx lead-orders-migrate runs the compiled CLI on plain Node, without tsx', () => {
    assert.equal(existsSync(join(app, 'node_modules', 'tsx')), false, 'tsx is not installed with the packages');
    const help = run('npx', ['lead-orders-migrate', '--help'], app);
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.stdout, /^Usage: lead-orders-migrate --url/);
    const exported = run('npx', ['lead-orders-migrate', 'export', '--dir', 'supabase/migrations'], app);
    assert.equal(exported.code, 0, exported.stderr);
    const shipped = readdirSync(join(app, 'node_modules', '@lead-orders', 'db', 'migrations')).sort();
    assert.deepEqual(readdirSync(join(app, 'supabase', 'migrations')).sort(), shipped);
  });

  test('every browser entry bundles from the installed files', async () => {
    const result = await build({
      entryPoints: [join(app, 'browser-consumer.js')],
      absWorkingDir: app,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      external: ['react'],
      write: false,
      logLevel: 'silent',
    });
    assert.equal(result.errors.length, 0);
    assert.ok(result.outputFiles[0].text.includes('customElements.define'));
  });

  test('types resolve: tsc on a consumer TypeScript file and the React TSX, from the .d.ts alone', () => {
    const result = run('npx', ['tsc', '-p', 'tsconfig.json'], app);
    assert.equal(result.code, 0, result.stdout + result.stderr);
  });
});
