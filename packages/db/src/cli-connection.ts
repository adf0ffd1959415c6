import pg from 'pg';
import { redactUrl } from './cli-args.js';

/** A failure the CLI reports in one readable paragraph, without a stack trace. */
export class CliError extends Error {
  override name = 'CliError';
}

/** Opens a small pool and checks the server answers, turning connection errors into plain words. */
export async function connect(url: string): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 15_000 });
  pool.on('error', () => undefined);
  try {
    await pool.query('select 1');
    return pool;
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new CliError(`Could not connect to ${redactUrl(url)}: ${describeConnectionError(error)}`, { cause: error });
  }
}

function describeConnectionError(error: unknown): string {
  const e = error as { code?: string; message?: string };
  switch (e.code) {
    case 'ECONNREFUSED':
      return 'connection refused (is the server running, and is the port right?).';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name could not be resolved.';
    case 'ETIMEDOUT':
      return 'the connection timed out.';
    case '28P01':
    case '28000':
      return 'the server refused the user name or password.';
    case '3D000':
      return 'that database does not exist.';
    default:
      return e.message ?? String(error);
  }
}
