import type { LocalizeController } from '../shared/localize.js';
import type { Tracking } from '../shared/tracking.js';
import type { Order, OrderStatus } from '../shared/types.js';

/** A status change the table offers; each is one SDK call. */
export type OrderAction = 'activate' | 'pause' | 'resume' | 'complete' | 'cancel';

/**
 * The buttons a row shows for its status. This only decides what to offer: the database decides
 * what is allowed (a full Completed order cannot be reopened, for example) and the table shows
 * its explanation when it refuses.
 */
export function actionsFor(status: OrderStatus): OrderAction[] {
  switch (status) {
    case 'Draft':
      return ['activate', 'cancel'];
    case 'Active':
      return ['pause', 'complete', 'cancel'];
    case 'Paused':
      return ['resume', 'complete', 'cancel'];
    case 'Completed':
      return ['resume'];
    default:
      return [];
  }
}

/** The status shown while the call runs (optimistic), and kept when the database agrees. */
export const expectedStatus: Record<OrderAction, OrderStatus> = {
  activate: 'Active',
  pause: 'Paused',
  resume: 'Active',
  complete: 'Completed',
  cancel: 'Cancelled',
};

/** Completing and cancelling are asked twice: a cancelled order stays cancelled. */
export const isFinal = (action: OrderAction): boolean => action === 'complete' || action === 'cancel';

/** Runs one action through the SDK; resolves with the order as the database now has it. */
export function runAction(tracking: Tracking, action: OrderAction, orderId: string, signal?: AbortSignal): Promise<Order> {
  return tracking.orders[action](orderId, signal ? { signal } : undefined);
}

/** A row's button label for `action`: "Resume" reads "Reopen" on a Completed order. */
export function actionLabel(l: LocalizeController, action: OrderAction, status: OrderStatus): string {
  switch (action) {
    case 'activate':
      return l.term('actionActivate');
    case 'pause':
      return l.term('actionPause');
    case 'resume':
      return status === 'Completed' ? l.term('actionReopen') : l.term('actionResume');
    case 'complete':
      return l.term('actionComplete');
    case 'cancel':
      return l.term('actionCancel');
  }
}
