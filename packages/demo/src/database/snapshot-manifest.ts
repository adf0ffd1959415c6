import type { DemoUsers } from '@lead-orders/sdk/pglite';

/** What `npm run snapshot` writes beside the data directory tarball (snapshot/demo-database.json). */
export interface SnapshotManifest {
  /** Changes whenever the SQL, the demo data, the PGlite version or the day of the build change. */
  id: string;
  /** The day the snapshot was made (YYYY-MM-DD, UTC): the demo data's dates are relative to it. */
  builtOn: string;
  pgliteVersion: string;
  /** The demo users in the snapshot (admin, client A, client B) with their ids and client ids. */
  users: DemoUsers;
}
