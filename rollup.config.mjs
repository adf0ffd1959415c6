// One place that builds every package: each package describes its own bundles in
// `packages/<name>/build.config.mjs` (a default export: an array of rollup options).
import { existsSync, rmSync } from 'node:fs';

const packages = ['sdk', 'elements'];
const configs = [];
// Start from empty dist/ folders, so a file whose source is gone is never published.
for (const name of packages) rmSync(new URL(`./packages/${name}/dist`, import.meta.url), { recursive: true, force: true });
for (const name of packages) {
  const file = new URL(`./packages/${name}/build.config.mjs`, import.meta.url);
  if (existsSync(file)) configs.push(...(await import(file.href)).default);
}
export default configs;
