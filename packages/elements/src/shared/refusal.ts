import type { LocalizeController } from './localize.js';
import type { OrderStatus } from './types.js';

/**
 * A refusal as the reader should see it: the database's refusals the pages know (by the
 * `OrderTrackingError`'s stable `code`: `order_full`, `order_not_active`, `lead_client_mismatch`,
 * `order_number_taken`, `invalid_input`) in the reader's language, with their numbers and status
 * from the error's `details` (`leads_remaining`, `status`); any other error in its own message
 * (the database's English), the fallback. Never throws: anything thrown can be passed.
 */
export function refusalText(l: LocalizeController, error: unknown): string {
  const { code, details, message } = (error ?? {}) as { code?: unknown; details?: unknown; message?: unknown };
  const detail = (details && typeof details === 'object' ? details : {}) as Record<string, unknown>;
  switch (code) {
    case 'order_full': {
      const remaining = Number(detail.leads_remaining);
      if (Number.isInteger(remaining)) return l.term('refusedOrderFull')(remaining, l.number(Math.max(0, remaining)));
      break;
    }
    case 'order_not_active': {
      const status = String(detail.status ?? '');
      const names: Record<string, string> = l.term('status');
      if (status) return l.term('refusedOrderNotActive')(Object.hasOwn(names, status) ? names[status as OrderStatus]! : status);
      break;
    }
    case 'lead_client_mismatch':
      return l.term('refusedLeadClientMismatch');
    case 'order_number_taken':
      return l.term('refusedNumberTaken');
    case 'invalid_input':
      return l.term('refusedInvalidInput');
  }
  return typeof message === 'string' && message ? message : String(error);
}
