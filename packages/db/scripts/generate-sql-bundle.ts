// Writes src/generated/sql.ts: the migrations and fixtures as strings, so browsers and bundlers
// (PGlite in Storybook, the demo) get the exact SQL files without a file system.
// Run `npm run generate -w packages/db` after editing any .sql file; a test fails when it is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderSqlBundle } from '../src/sql-bundle-source.js';

const target = fileURLToPath(new URL('../src/generated/sql.ts', import.meta.url));
writeFileSync(target, renderSqlBundle());
console.log(`wrote ${target}`);
