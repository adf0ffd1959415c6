import assert from 'node:assert/strict';
import { databaseErrors, type DatabaseErrorCode } from '../../src/index.js';

const sqlStateOf = Object.fromEntries(Object.entries(databaseErrors).map(([state, e]) => [e.code, state])) as Record<
  DatabaseErrorCode,
  string
>;

/** Asserts the promise fails with the database refusal `code` (its SQLSTATE and its JSON detail). */
export async function rejectsWith(promise: Promise<unknown>, code: DatabaseErrorCode, message?: RegExp): Promise<any> {
  let caught: any;
  await assert.rejects(promise, (error: any) => {
    caught = error;
    return true;
  });
  assert.equal(caught.code, sqlStateOf[code], `expected ${code} (${sqlStateOf[code]}), got ${caught.code}: ${caught.message}`);
  assert.equal(JSON.parse(caught.detail).code, code);
  if (message) assert.match(caught.message, message);
  return caught;
}
