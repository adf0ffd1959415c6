import type { Order, OrderStats } from './types.js';

export type SubscriptionTarget = { orderId: string } | { clientId: string } | { all: true };

/**
 * The part of the SDK instance (`createOrderTracking(...)`) that the elements call. Declared
 * structurally so the elements never import the SDK's runtime: the host passes its instance in.
 */
export interface Tracking {
  orders: {
    list(filters?: Record<string, unknown>, options?: { signal?: AbortSignal }): Promise<{
      items: Order[];
      next_cursor: string | null;
    }>;
    get(id: string, options?: { signal?: AbortSignal }): Promise<{ order: Order }>;
  };
  stats(filters?: { clientId?: string }, options?: { signal?: AbortSignal }): Promise<OrderStats>;
  subscribe(target: SubscriptionTarget, onChange: (change: unknown) => void): () => void;
}
