import { useCallback, useEffect, useRef, useState } from 'react';
import { OrderAssignmentDialog, OrderFilter } from '@lead-orders/elements/react';
import type { OrderAssignmentDialog as DialogElement, OrderFilter as FilterElement, OrderFilterLeadFilters } from '@lead-orders/elements';
import type { LeadPage } from '@lead-orders/sdk';
import type { PageProps } from './page-props.js';
import { useWords } from '../shell/words.js';

type LeadRow = LeadPage['items'][number];

/** Rows per page of the host's leads table. */
const pageSize = 25;

/**
 * Every lead, the way a portal already lists them: the host's own table from
 * `tracking.leads.list` (newest first, 25 a page), narrowed by `<order-filter>` above it, and
 * each row's "Assign" opening `<order-assignment-dialog>` for that lead. After an assignment the
 * table is read again, so the lead shows its new client and order.
 */
export function AdminLeads({ tracking }: PageProps) {
  const w = useWords().leads;
  const filter = useRef<FilterElement>(null);
  const dialog = useRef<DialogElement>(null);
  const [leadFilters, setLeadFilters] = useState<OrderFilterLeadFilters>({});
  const [rows, setRows] = useState<LeadRow[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [generation, setGeneration] = useState(0);

  // The first page again whenever the filter changes or a lead was assigned.
  useEffect(() => {
    if (!tracking) return;
    const controller = new AbortController();
    setState('loading');
    tracking.leads.list({ ...leadFilters, limit: pageSize }, { signal: controller.signal }).then(
      (page) => {
        setRows(page.items);
        setCursor(page.next_cursor);
        setState('ready');
      },
      () => !controller.signal.aborted && setState('error'),
    );
    return () => controller.abort();
  }, [tracking, leadFilters, generation]);

  const more = useCallback(async () => {
    if (!tracking || !cursor) return;
    setState('loading');
    try {
      const page = await tracking.leads.list({ ...leadFilters, limit: pageSize, cursor });
      setRows((current) => [...current, ...page.items]);
      setCursor(page.next_cursor);
      setState('ready');
    } catch {
      setState('error');
    }
  }, [tracking, leadFilters, cursor]);

  return (
    <>
      <OrderFilter ref={filter} name="order" onChange={() => setLeadFilters(filter.current?.leadFilters ?? {})} />
      <table className="leads" aria-busy={state === 'loading'} data-state={state}>
        <thead>
          <tr>
            <th scope="col">{w.company}</th>
            <th scope="col">{w.contact}</th>
            <th scope="col">{w.status}</th>
            <th scope="col">{w.client}</th>
            <th scope="col">{w.order}</th>
            <th scope="col">
              <span className="visually-hidden">{w.actions}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((lead) => (
            <tr key={lead.id} data-lead-id={lead.id}>
              {/* Names come from users: isolated, so a right-to-left page keeps their punctuation in place. */}
              <td>
                <bdi>{lead.company_name}</bdi>
              </td>
              <td>
                <bdi>{lead.contact_name}</bdi>
              </td>
              <td>
                <bdi>{lead.status}</bdi>
              </td>
              <td>{lead.client_name ? <bdi>{lead.client_name}</bdi> : '—'}</td>
              <td>{lead.order_number ? <bdi>{lead.order_number}</bdi> : '—'}</td>
              <td>
                <button
                  type="button"
                  aria-label={w.assignLead(lead.company_name)}
                  onClick={() => void dialog.current?.show({ leadId: lead.id, clientId: lead.client_id, orderId: lead.order_id, company: lead.company_name })}>
                  {w.assign}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {state === 'ready' && rows.length === 0 && <p>{w.none}</p>}
      {state === 'error' && <p role="alert">{w.failed}</p>}
      {cursor && (
        <p>
          <button type="button" className="more-leads" onClick={() => void more()} disabled={state === 'loading'}>
            {w.more}
          </button>
        </p>
      )}
      <OrderAssignmentDialog ref={dialog} onLeadAssigned={() => setGeneration((n) => n + 1)} />
    </>
  );
}
