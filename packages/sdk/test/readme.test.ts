// Runs the README's examples marked `<!-- readme-test -->` (after type-checking them), so the
// documentation cannot drift from the code.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { databaseErrors, type DatabaseErrorCode } from '@lead-orders/db';
import type { OrderTrackingErrorCode } from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/<!-- readme-test -->\s*```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
const dir = mkdtempSync(join(fileURLToPath(new URL('.', import.meta.url)), '.tmp-readme-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const files = blocks.map((code, i) => {
  const file = join(dir, `block-${i + 1}.ts`);
  writeFileSync(file, `${code}\nexport {};\n`);
  return file;
});

async function run(file: string): Promise<unknown[][]> {
  const logged: unknown[][] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => void logged.push(args);
  try {
    await import(pathToFileURL(file).href);
  } finally {
    console.log = log;
  }
  return logged;
}

test('the README has runnable examples and they type-check', () => {
  assert.equal(blocks.length, 2);
  const config = ts.getParsedCommandLineOfConfigFile(fileURLToPath(new URL('./types/tsconfig.json', import.meta.url)), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const program = ts.createProgram(files, { ...config.options, noEmit: true });
  const errors = ts.getPreEmitDiagnostics(program).filter((d) => d.file && files.includes(d.file.fileName));
  assert.deepEqual(errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')), []);
});

test('README: embedded PGlite walkthrough', async () => {
  const logged = await run(files[0]!);
  const [orders, detail, pagedAll, available, stats] = logged;
  assert.ok(Array.isArray(orders![0]) && (orders![0] as string[]).every((line) => /^ORD-\d{4}-\d+ \d+\/\d+$/.test(line)));
  assert.equal(detail!.length, 3);
  assert.deepEqual(pagedAll, [true, true]);
  assert.deepEqual(available, [true]);
  assert.equal(typeof (stats![0] as { orders_total: number }).orders_total, 'number');
});

test('README: errors example', async () => {
  const logged = await run(files[1]!);
  assert.deepEqual(logged[0], ['forbidden']);
  assert.deepEqual(logged[1], [
    'invalid_input',
    [
      { path: 'input.client_id', message: 'expected a uuid' },
      { path: 'input.leads_purchased', message: 'expected number' },
    ],
  ]);
});

// Every code the SDK adds to the database's: a key missing here is a compile error in the typecheck.
const sdkCodes: Record<Exclude<OrderTrackingErrorCode, DatabaseErrorCode>, true> = {
  invalid_input: true,
  unauthenticated: true,
  network: true,
  conflict: true,
  aborted: true,
  outcome_unknown: true,
  invalid_response: true,
  unknown: true,
};

test('the README error table names every code, the database\'s and the SDK\'s', () => {
  const start = readme.indexOf('| code | from |');
  const table = readme.slice(start, readme.indexOf('\n\n', start));
  const missing = [...Object.values(databaseErrors).map((e) => e.code), ...Object.keys(sdkCodes)].filter((code) => !table.includes(`\`${code}\``));
  assert.deepEqual(missing, []);
});
