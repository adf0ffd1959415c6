// `@lead-orders/sdk/pglite`: real PostgreSQL in WASM (browser or Node) with the migrations and demo
// data applied, acting as a chosen user. For the demo, Storybook and tests: no account, no server.
import type { PGlite } from '@electric-sql/pglite';
import { fromPglite, type Identity } from '@lead-orders/db';
import { createSqlTransport, ordersChecksumSql, type SqlTransport } from './transports/sql.js';
import type { DemoUserKey, DemoUsers, SetupOptions } from './transports/setup.js';

export { createOrderTracking } from './client.js';
export type { DemoDataOptions, DemoUser, DemoUserKey, DemoUsers } from './transports/setup.js';
export type { Identity, SqlTransport };

export interface PgliteTransportOptions extends SetupOptions {
  /**
   * An instance to use. Give it the `live` extension (`new PGlite({ extensions: { live } })`) for
   * instant change notification; without it, subscriptions poll.
   */
  pglite?: PGlite;
  /** When the SDK creates the instance: `memory://` (default) or e.g. `idb://lead-orders` in a browser. */
  dataDir?: string;
  /** Who to act as first: a demo user (`'admin'`, `'clientA'`, `'clientB'`) or any identity. Default `'admin'`. */
  as?: Identity | DemoUserKey;
}

export interface PgliteTransport extends SqlTransport {
  readonly pglite: PGlite;
  /** The demo users, or null when there is no demo data. */
  readonly users: DemoUsers | null;
  /** Acts as another user from the next call on: a demo user key or any identity. */
  setIdentity(identity: Identity | DemoUserKey): void;
  /** Closes the instance when the SDK created it. */
  close(): Promise<void>;
}

interface LiveNamespace {
  query(sql: string, params: unknown[] | null, callback: () => void): Promise<{ unsubscribe(): Promise<void> }>;
}

/**
 * Creates (or takes) a PGlite database, prepares it, and returns a transport acting as `as`.
 * With `setup: false, demo: false` (a database already prepared, e.g. loaded from a snapshot)
 * the migrations' SQL and the demo data generator are never loaded: they sit in a module this
 * imports only for the setup. `as` must then be an Identity (there are no demo users); a demo
 * user key throws `Error('No demo user …')`.
 *
 * ```ts
 * const transport = await createPgliteTransport({ as: 'clientA' });
 * const tracking = createOrderTracking({ transport });
 * transport.setIdentity('admin');
 * ```
 */
export async function createPgliteTransport(options: PgliteTransportOptions = {}): Promise<PgliteTransport> {
  let pglite = options.pglite;
  const owned = !pglite;
  if (!pglite) {
    const [{ PGlite }, { live }] = await Promise.all([import('@electric-sql/pglite'), import('@electric-sql/pglite/live')]);
    pglite = (await PGlite.create(options.dataDir ?? 'memory://', { extensions: { live } })) as unknown as PGlite;
  }
  const db = fromPglite(pglite);
  // The setup module carries the SQL of every migration and the demo data generator (~80 KB): a
  // prepared database used as it is (`setup: false, demo: false`, e.g. a snapshot) never loads it.
  const setup = options.setup === false && options.demo === false ? null : await import('./transports/setup.js');
  const users = setup ? await setup.prepareDatabase(db, options) : null;
  const resolveIdentity = (who: Identity | DemoUserKey): Identity => {
    if (setup) return setup.resolveIdentity(who, users);
    if (typeof who !== 'string') return who;
    throw new Error(`No demo user "${who}": the database was prepared without demo data.`);
  };
  const live = (pglite as unknown as { live?: LiveNamespace }).live;

  const sql = createSqlTransport({
    db,
    identity: resolveIdentity(options.as ?? (users ? 'admin' : { role: 'service_role' })),
    // PGlite's live queries re-run when their tables change. They run as the owner (the first live
    // query on a table installs a trigger, which other roles may not); what is delivered is then
    // read again as the acting user, so RLS still decides.
    ...(live
      ? {
          watch: async (changed: () => void) => {
            const queries = await Promise.all([
              // One row that changes whenever any order does: the rows themselves would be copied
              // into the page on every change (100,000 of them for an agency's admin).
              live.query(ordersChecksumSql(), null, changed),
              live.query('select max(id) as last from public.order_events', null, changed),
            ]);
            return () => void Promise.all(queries.map((q) => q.unsubscribe())).catch(() => undefined);
          },
        }
      : {}),
  });

  const instance = pglite;
  return {
    call: sql.call,
    subscribe: sql.subscribe,
    get identity() {
      return sql.identity;
    },
    setIdentity: (who) => sql.setIdentity(resolveIdentity(who)),
    pglite: instance,
    users,
    async close() {
      if (owned && !instance.closed) await instance.close();
    },
  };
}
