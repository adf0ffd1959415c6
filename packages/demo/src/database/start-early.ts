/// <reference types="vite/client" />
// Imported first by the portal's entry: the demo database worker starts before React and the
// elements are evaluated and rendered, so PostgreSQL boots while the page builds itself.
// (On a Supabase project there is no demo database to start.)
import { openDemoDatabase } from './demo-database.js';

if (!import.meta.env.SUPABASE_URL) void openDemoDatabase().catch(() => undefined);
