// The public types, proven by compiling a host's file with tsc: it compiles as written, and with
// its `@ts-expect-error` markers removed every marked line is an error (wrong field names and
// wrong argument types are refused).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const dir = fileURLToPath(new URL('./types/', import.meta.url));
const consumer = join(dir, 'consumer.ts');

function diagnostics(files: string[]): readonly ts.Diagnostic[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(dir, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  assert.ok(config, 'tsconfig.json of the consumer test parses');
  const program = ts.createProgram(files, { ...config.options, noEmit: true });
  return ts.getPreEmitDiagnostics(program).filter((d) => d.file && files.includes(d.file.fileName));
}

test('the consumer file compiles, and each @ts-expect-error line is a real type error', () => {
  const source = readFileSync(consumer, 'utf8');
  const lines = source.split('\n');
  const marked = lines.flatMap((line, i) => (line.trim().startsWith('// @ts-expect-error') ? [i + 1] : []));
  assert.ok(marked.length >= 10, `expected many negative cases, found ${marked.length}`);

  // Blank the markers (same line numbers) in a copy next to the original, so imports resolve alike.
  const tmp = mkdtempSync(join(dir, '.tmp-'));
  const stripped = join(tmp, 'consumer-unmarked.ts');
  writeFileSync(stripped, lines.map((line) => (line.trim().startsWith('// @ts-expect-error') ? '' : line)).join('\n'));
  try {
    const found = diagnostics([consumer.replaceAll('\\', '/'), stripped.replaceAll('\\', '/')]);
    const format = (d: ts.Diagnostic) => `${d.file!.fileName}:${d.file!.getLineAndCharacterOfPosition(d.start!).line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    const inConsumer = found.filter((d) => d.file!.fileName.endsWith('/types/consumer.ts'));
    assert.deepEqual(inConsumer.map(format), [], 'the consumer file compiles');
    const errorLines = new Set(found.filter((d) => d.file!.fileName === stripped.replaceAll('\\', '/')).map((d) => d.file!.getLineAndCharacterOfPosition(d.start!).line + 1));
    // Each marker sits on the line above the statement it guards.
    const unguarded = marked.filter((line) => !errorLines.has(line + 1));
    assert.deepEqual(unguarded.map((line) => `${line + 1}: ${lines[line]!.trim()}`), [], 'every marked line fails to compile without its marker');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
