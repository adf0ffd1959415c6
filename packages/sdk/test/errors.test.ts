// The SDK maps the database's SQLSTATEs with its own copy of the codes (without the database's
// prose, for the bundle's size); the type keeps them equal at compile time, this at run time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { databaseErrors } from '@lead-orders/db/errors';
import { databaseCodes, fromDatabaseError } from '../src/errors.js';

test('the SDK maps every database SQLSTATE to the code the database package names', () => {
  assert.deepEqual(databaseCodes, Object.fromEntries(Object.entries(databaseErrors).map(([state, { code }]) => [state, code])));
});

test('a SQLSTATE that is not the database\'s own, even one named like an Object method, maps to no database code', () => {
  const codes = ['LO041', 'constructor', 'toString', '__proto__', '40P01', 'XX000'].map((code) => fromDatabaseError({ code, message: 'm' }).code);
  assert.deepEqual(codes, ['order_full', 'unknown', 'unknown', 'unknown', 'conflict', 'unknown']);
});
