import { expect } from '@open-wc/testing';
import { loadOrders } from '../src/shared/order-list-loader.js';
import type { OrderChange, Tracking } from '../src/shared/tracking.js';
import type { Order } from '../src/shared/types.js';
import { makeOrder } from './fixtures/orders.js';

function recordingTracking(rows: Order[]) {
  const calls: string[] = [];
  const tracking = {
    orders: {
      async *pages(filters: object) {
        calls.push(`pages ${JSON.stringify(filters)}`);
        yield { items: rows.slice(0, 1), next_cursor: 'x' };
        yield { items: rows.slice(1), next_cursor: null };
      },
      async get(id: string) {
        calls.push(`get ${id}`);
        return { order: { ...rows.find((o) => o.id === id)!, leads_delivered: 99 }, leads: [], timeline: [] };
      },
    },
  } as unknown as Tracking;
  return { tracking, calls };
}

const update = (id: string) => ({ type: 'update', id }) as OrderChange;
const signal = new AbortController().signal;

describe('loadOrders', () => {
  it('loads every page at first', async () => {
    const rows = [makeOrder(), makeOrder(), makeOrder()];
    const { tracking, calls } = recordingTracking(rows);
    const loaded = await loadOrders(tracking, { clientId: 'c' }, signal, undefined, undefined);
    expect(loaded.map((o) => o.id)).to.deep.equal(rows.map((o) => o.id));
    expect(calls).to.deep.equal(['pages {"clientId":"c","limit":500}']);
  });

  it('after updates to listed orders, refetches only those rows and keeps the order of the list', async () => {
    const rows = [makeOrder(), makeOrder(), makeOrder()];
    const { tracking, calls } = recordingTracking(rows);
    const changes = [update(rows[1]!.id), update(rows[1]!.id), update('someone-elses-order')];
    const loaded = await loadOrders(tracking, {}, signal, rows, changes);
    expect(calls).to.deep.equal([`get ${rows[1]!.id}`]);
    expect(loaded.map((o) => o.leads_delivered)).to.deep.equal([rows[0]!.leads_delivered, 99, rows[2]!.leads_delivered]);
  });

  it('after an order is created or deleted, loads everything again', async () => {
    const rows = [makeOrder(), makeOrder()];
    const { tracking, calls } = recordingTracking(rows);
    await loadOrders(tracking, {}, signal, rows, [update(rows[0]!.id), { type: 'insert', id: 'new' } as OrderChange]);
    expect(calls).to.deep.equal(['pages {"limit":500}']);
  });
});
