import assert from 'node:assert/strict';
import { test } from 'node:test';
import { databaseErrorCode, databaseErrors } from '../src/errors.js';

// No database needed: the mapping from SQLSTATE to the stable name is plain TypeScript.

test('databaseErrorCode names every refusal the migrations raise', () => {
  for (const [state, { code }] of Object.entries(databaseErrors)) assert.equal(databaseErrorCode(state), code);
});

test('databaseErrorCode knows no other code, including names inherited from Object.prototype', () => {
  for (const state of [undefined, '', '23505', '40P01', 'LO999', 'lo041', 'constructor', '__proto__', 'toString',
    'hasOwnProperty', 'valueOf', 'isPrototypeOf']) {
    assert.equal(databaseErrorCode(state), undefined, String(state));
  }
});
