import type { Translation } from '../terms.js';

const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);

/** English shared by every element: statuses, states, progress. */
export const common = {
  $code: 'en',
  status: {
    Draft: 'Draft',
    Active: 'Active',
    Paused: 'Paused',
    Completed: 'Completed',
    Cancelled: 'Cancelled',
  },
  pace: { ahead: 'Ahead of pace', on_track: 'On track', behind: 'Behind pace' },
  loading: 'Loading…',
  error: 'Could not load.',
  retry: 'Try again',
  orderNotFound: 'Order not found.',
  clientNotFound: 'Client not found.',
  notConnected: 'Not connected to the order data.',
  progressLabel: 'Delivery progress',
  progressValue: (d, p, pct) => `${d} of ${p} leads delivered (${pct})`,
  deliveredOf: (d, p) => `${d} / ${p} delivered`,
  remaining: (n, f) => plural(n, `${f} lead remaining`, `${f} leads remaining`),
  daysLeft: (n, f) => plural(n, `${f} day left`, `${f} days left`),
  daysOverdue: (n, f) => plural(n, `${f} day overdue`, `${f} days overdue`),
  dueToday: 'Due today',
  noTargetDate: 'No target date',
} satisfies Partial<Translation>;
