import assert from 'node:assert/strict';
import { isOrderTrackingError, type OrderTrackingError } from '../../src/index.js';

/** Awaits a call that must fail and returns its OrderTrackingError, for assertions on the code. */
export async function rejection(promise: Promise<unknown>): Promise<OrderTrackingError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isOrderTrackingError(error), `expected an OrderTrackingError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to reject');
}
