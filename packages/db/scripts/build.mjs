// The published build: dist/*.js and dist/*.d.ts compiled by tsc from src/ (one module per
// file, as Node loads them), then the CLI made an executable for plain Node: its source runs
// through tsx (`#!/usr/bin/env -S npx tsx`), the compiled file through `node`.
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${packageDir}dist`, { recursive: true, force: true });
const tsc = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: packageDir, stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

const cli = `${packageDir}dist/cli.js`;
writeFileSync(cli, readFileSync(cli, 'utf8').replace(/^#!.*\n/, '#!/usr/bin/env node\n'));
chmodSync(cli, 0o755);
console.log('db: dist/ built (JavaScript, declarations, executable CLI).');
