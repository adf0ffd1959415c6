// Writes src/database.types.ts (the `Database` type of our tables, view and functions) from a
// freshly migrated PGlite database. Run by `npm run generate:types` and the root `npm run build`.
import { writeFileSync } from 'node:fs';
import { renderDatabaseTypes } from './database-types.js';

const file = new URL('../src/database.types.ts', import.meta.url);
writeFileSync(file, await renderDatabaseTypes());
console.log('Wrote src/database.types.ts');
