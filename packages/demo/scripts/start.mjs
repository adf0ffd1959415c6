// `npm start`: builds what the portal needs (the demo database snapshot, through the Vite plugin
// in vite.config.ts, and the portal) and serves it, printing its address. PORT chooses the port (default 5173, or the next
// free one). SUPABASE_URL and SUPABASE_ANON_KEY, when set, make it a portal of that project.
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

// PGlite's bundle draws Vite warnings (eval, Node built-ins it only uses in Node): keep errors only.
const started = performance.now();
await build({ root, logLevel: 'error' });
console.log(`portal built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
const server = await preview({ root, preview: { port: Number(process.env.PORT ?? 5173), host: process.env.HOST ?? 'localhost' } });
const [address] = server.resolvedUrls?.local ?? [];
const backend = process.env.SUPABASE_URL ? `Supabase project ${process.env.SUPABASE_URL}` : 'the demo database (PGlite in your browser)';
console.log(`\nThe lead-orders demo portal, on ${backend}:\n\n  ${address}\n\nPress Ctrl+C to stop.`);
