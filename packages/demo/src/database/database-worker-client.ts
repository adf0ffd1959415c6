import { PGliteWorker } from '@electric-sql/pglite/worker';
import { throwCarriedError } from './database-errors.js';

/**
 * PGliteWorker whose queries reject with the database's own error (SQLSTATE `code`, `detail`,
 * `hint`), as an in-page PGlite does; see database-errors.ts for why the worker needs help.
 */
export class DemoDatabaseWorker extends PGliteWorker {
  override async execProtocolStream(message: Uint8Array): Promise<Awaited<ReturnType<PGliteWorker['execProtocolStream']>>> {
    const messages = await super.execProtocolStream(message);
    throwCarriedError(messages);
    return messages;
  }
}
