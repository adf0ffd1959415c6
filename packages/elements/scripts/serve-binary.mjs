import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';

/**
 * Serves PGlite's file-system image (`*.data`) untouched. The dev server otherwise turns any body
 * that does not look binary into a string, which corrupts this file; answering here, before the
 * transforming middleware, keeps it byte for byte.
 */
export function serveBinary(rootDir) {
  return async function binary(ctx, next) {
    if (!ctx.path.endsWith('.data')) return next();
    const file = normalize(join(rootDir, decodeURIComponent(ctx.path)));
    if (!file.startsWith(rootDir)) return next();
    ctx.body = await readFile(file);
    ctx.type = 'application/octet-stream';
  };
}
