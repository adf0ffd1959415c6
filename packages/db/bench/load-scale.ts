// The set-based path to benchmark scale: up to 100,000 orders and 1,000,000 leads in well under
// a minute, with generate_series and deterministic names and ids (md5 of a label), so a second
// database loaded with the same options holds the same rows.
//
// Row-by-row triggers would take many minutes at this size, so rows go in with triggers
// bypassed (session_replication_role = replica, which also skips foreign-key checks: the SQL
// only produces consistent references) and the counts are set afterwards in one pass:
// public.rebuild_order_counts(), rebuild_order_totals(), rebuild_delivery_days() and
// rebuild_lead_search_ngrams() for the migrations, a plain
// recount for the proposal's schema.
import type pg from 'pg';
import {
  clientNameKinds,
  clientNameStems,
  firstNames,
  lastNames,
  leadCompanyIndustries,
  leadCompanyStems,
  orderPeriods,
  orderThemes,
} from '../src/demo-data-names.js';

export interface ScaleOptions {
  /** Clients with ordinary orders; one more, the "whale", holds the big orders. */
  clients: number;
  ordersPerClient: number;
  /** Every lead, including the big orders' and the reserve. */
  leads: number;
  /** Leads already delivered into each big order (one Active order per size). */
  bigOrders: readonly number[];
  /** Unassigned, deliverable leads of the whale, for the assignment runs. */
  reserve: number;
}

export type Flavor = 'migrations' | 'proposal';

export interface LoadReport {
  orders: number;
  leads: number;
  seconds: number;
  /** Time of public.rebuild_order_counts(), rebuild_order_totals(), rebuild_delivery_days() and rebuild_lead_search_ngrams() (migrations) or the plain recount (proposal). */
  recountSeconds: number;
  /** Orders whose stored count the recount corrected (all orders with deliveries, after a bulk load). */
  recounted: number;
}

/** Fixed ids the benchmark refers to; the SQL derives the same ones with md5(label)::uuid. */
export const benchIds = {
  adminLabel: 'bench-user-admin',
  clientUserLabel: (i: number) => `bench-user-${i}`,
  clientLabel: (i: number) => `bench-client-${i}`,
  bigOrderLabel: (size: number) => `bench-big-order-${size}`,
};

const sqlArray = (items: readonly string[]) => `array[${items.map((s) => `'${s.replace(/'/g, "''")}'`).join(', ')}]`;
/** `pick(list, expr)`: a deterministic element of a word list for an integer SQL expression. */
const pick = (items: readonly string[], expr: string) => `(${sqlArray(items)})[1 + ((${expr}) % ${items.length})]`;
const uuidOf = (labelExpr: string) => `md5(${labelExpr})::uuid`;

/** The statements that load the data, in order; each one runs on its own. */
export function scaleStatements(options: ScaleOptions, flavor: Flavor): string[] {
  const { clients, ordersPerClient, bigOrders, reserve } = options;
  const orders = clients * ordersPerClient;
  const bigTotal = bigOrders.reduce((a, b) => a + b, 0);
  const regularLeads = options.leads - bigTotal - reserve;
  if (regularLeads < orders) throw new RangeError('too few leads for the orders asked for');
  const ours = flavor === 'migrations';

  // Order k (1-based) belongs to client 1 + (k-1)/ordersPerClient and started `age` days ago,
  // spread over three years as an agency's history is. Orders older than 120 days are closed
  // (mostly Completed, some Cancelled, a few still Paused); recent ones are mostly Active.
  const ageOf = (k: string) => `(${k} % 1095)`;
  const statusOf = (k: string) =>
    `(case when ${ageOf(k)} > 120 then
         case when (${k} * 37) % 20 < 16 then 'Completed' when (${k} * 37) % 20 < 19 then 'Cancelled' else 'Paused' end
       else
         case when (${k} * 37) % 20 < 2 then 'Draft' when (${k} * 37) % 20 < 15 then 'Active'
              when (${k} * 37) % 20 < 17 then 'Paused' when (${k} * 37) % 20 < 19 then 'Completed' else 'Cancelled' end
       end)`;
  // Lead j: 45% Approved, 30% Lead, 15% New, 10% Rejected.
  const leadStatusOf = (j: string) =>
    `(case when (${j} * 7) % 20 < 9 then 'Approved' when (${j} * 7) % 20 < 15 then 'Lead'
       when (${j} * 7) % 20 < 18 then 'New' else 'Rejected' end)`;
  const delivered = (status: string) => `${status} in ('Approved', 'Lead')`;
  const leadColumns = `id, company_name, contact_name, email, phone, status, client_id, order_id, created_at${ours ? ', delivered_at' : ''}`;
  const fakeLead = (j: string) => `
      ${pick(leadCompanyStems, j)} || ' ' || ${pick(leadCompanyIndustries, `${j} / 7`)},
      ${pick(firstNames, `${j} / 3`)} || ' ' || ${pick(lastNames, `${j} / 11`)},
      'contact' || ${j} || '@' || lower(${pick(leadCompanyStems, j)}) || '.example',
      '(555) 01' || lpad((${j} % 100)::text, 2, '0')`;

  return [
    'set session_replication_role = replica',

    `insert into auth.users (id, email)
     select ${uuidOf(`'${benchIds.adminLabel}'`)}, 'admin@bench.example'
     union all
     select ${uuidOf(`'bench-user-' || i`)}, 'owner' || i || '@client' || i || '.example'
     from generate_series(0, ${clients}) i`,

    `insert into public.profiles (id, email, full_name, role, client_name)
     select ${uuidOf(`'${benchIds.adminLabel}'`)}, 'admin@bench.example', 'Bench Admin', 'admin', null
     union all
     select ${uuidOf(`'bench-user-' || i`)}, 'owner' || i || '@client' || i || '.example',
            ${pick(firstNames, 'i')} || ' ' || ${pick(lastNames, 'i / 5')}, 'client', c.name
     from generate_series(0, ${clients}) i,
          lateral (select ${pick(clientNameStems, 'i')} || ' ' || ${pick(clientNameKinds, `i / ${clientNameStems.length}`)}
                          || ' ' || i as name) c`,

    `insert into public.clients (id, client_name, profile_id)
     select ${uuidOf(`'bench-client-' || i`)}, p.client_name, p.id
     from generate_series(0, ${clients}) i
     join public.profiles p on p.id = ${uuidOf(`'bench-user-' || i`)}`,

    // Ordinary orders; quantities are set after the leads, once each order's count is known.
    `insert into public.orders (id, order_number, client_id, name, leads_purchased, start_date,
                                target_delivery_date, completion_date, status, priority, created_at)
     select ${uuidOf(`'bench-order-' || k`)},
            'ORD-' || (2023 + k % 4) || '-' || lpad((1 + (k - 1) / 4)::text, 5, '0'),
            ${uuidOf(`'bench-client-' || (1 + (k - 1) / ${ordersPerClient})`)},
            ${pick(orderPeriods, 'k')} || ' ' || ${pick(orderThemes, 'k / 10')},
            10 + (k * 13) % 41,
            d.start_date,
            case when k % 10 = 0 then null else d.start_date + 30 + (k % 90) end,
            case when st.status = 'Completed' then least(current_date, d.start_date + 20 + (k % 60)) end,
            st.status::public.order_status,
            case when k % 10 < 6 then 0 when k % 10 < 8 then 1 when k % 10 < 9 then 2 else 3 end,
            d.start_date - 3 + time '10:00'
     from generate_series(1, ${orders}) k,
          lateral (select ${statusOf('k')} as status) st,
          -- A draft starts in the coming weeks; every other order started age days ago.
          lateral (select case when st.status = 'Draft' then current_date + 1 + k % 30
                               else current_date - ${ageOf('k')} end as start_date) d`,

    `insert into public.orders (id, order_number, client_id, name, leads_purchased, start_date,
                                target_delivery_date, status, priority)
     select ${uuidOf(`'bench-big-order-' || s`)}, 'BIG-' || s, ${uuidOf(`'bench-client-0'`)},
            'Enterprise Push ' || s, s + ${reserve}, current_date - 365, current_date + 60, 'Active', 1
     from unnest(array[${bigOrders.join(', ')}]::int[]) s`,

    // Regular leads spread over the orders; leads of Draft orders and every 20th lead stay
    // outside any order (a client's backlog). A lead arrived between its order's start and
    // its target date (or today), so about 3% of deliveries fall in the last 30 days.
    `insert into public.leads (${leadColumns})
     select ${uuidOf(`'bench-lead-' || j`)}, ${fakeLead('j')}, st.status, o.client_id,
            case when j % 20 = 0 or o.status = 'Draft' then null else o.id end,
            t.at
            ${ours ? `, case when j % 20 <> 0 and o.status <> 'Draft' and ${delivered('st.status')} then t.at end` : ''}
     from generate_series(1, ${regularLeads}) j
     join public.orders o on o.id = ${uuidOf(`'bench-order-' || (1 + (j - 1) % ${orders})`)}
     cross join lateral (select ${leadStatusOf('j')} as status) st
     cross join lateral (
       select least(now(), o.start_date + time '08:00'
         + ((j * 7) % greatest(1, least(current_date, coalesce(o.target_delivery_date, current_date)) - o.start_date)) * interval '1 day'
         + (j % 600) * interval '1 minute') as at) t`,

    `insert into public.leads (${leadColumns})
     select ${uuidOf(`'bench-big-lead-' || s || '-' || j`)}, ${fakeLead('j')},
            case when j % 3 = 0 then 'Lead' else 'Approved' end,
            ${uuidOf(`'bench-client-0'`)}, ${uuidOf(`'bench-big-order-' || s`)},
            now() - (j % 365) * interval '1 day'
            ${ours ? `, now() - (j % 365) * interval '1 day'` : ''}
     from unnest(array[${bigOrders.join(', ')}]::int[]) s, generate_series(1, s) j`,

    `insert into public.leads (${leadColumns})
     select ${uuidOf(`'bench-reserve-' || r`)}, ${fakeLead('r')}, 'Approved',
            ${uuidOf(`'bench-client-0'`)}, null, now() - (r % 7) * interval '1 day'${ours ? ', null' : ''}
     from generate_series(1, ${reserve}) r`,

    // Quantities that agree with the status rules: a Completed order is full or closed early,
    // every other order keeps room, so no Active order sits at 100%.
    `with counted as (
       select order_id, count(*) filter (where status in ('Approved', 'Lead'))::int as n
       from public.leads where order_id is not null group by order_id
     )
     update public.orders o set leads_purchased = case
         when o.status = 'Completed' and c.n > 0 and hashtext(o.id::text) % 3 <> 0 then c.n
         else greatest(o.leads_purchased, c.n + 1 + abs(hashtext(o.id::text)) % 7)
       end
     from counted c
     where c.order_id = o.id and o.order_number not like 'BIG-%'`,

    ours
      ? `insert into public.order_number_counters (year, last_value)
         select split_part(order_number, '-', 2)::int, max(split_part(order_number, '-', 3)::int)
         from public.orders where order_number like 'ORD-%' group by 1`
      : 'select 1',

    'set session_replication_role = origin',
  ];
}

/** Loads the data into an empty database that has the fixtures and the schema of `flavor`. */
export async function loadScale(client: pg.ClientBase, options: ScaleOptions, flavor: Flavor): Promise<LoadReport> {
  const started = performance.now();
  for (const statement of scaleStatements(options, flavor)) await client.query(statement);

  const recountStarted = performance.now();
  let recounted: number;
  if (flavor === 'migrations') {
    const { rows } = await client.query<{ report: { drifted: unknown[] } }>('select public.rebuild_order_counts() as report');
    recounted = rows[0]!.report.drifted.length;
    // The dashboard totals, open orders and progress keys, from the loaded orders.
    await client.query('select public.rebuild_order_totals()');
    await client.query('select public.rebuild_delivery_days()');
    await client.query('select public.rebuild_lead_search_ngrams()');
  } else {
    const result = await client.query(`
      with counted as (
        select order_id, count(*) filter (where status in ('Approved', 'Lead'))::int as n
        from public.leads where order_id is not null group by order_id
      )
      update public.orders o set leads_delivered = c.n from counted c where c.order_id = o.id and o.leads_delivered <> c.n`);
    recounted = result.rowCount ?? 0;
  }
  const recountSeconds = (performance.now() - recountStarted) / 1000;

  // Fresh statistics and a visibility map, as a database that has been live for a while has.
  await client.query('vacuum (analyze)');
  const { rows } = await client.query<{ orders: number; leads: number }>(
    'select (select count(*) from public.orders)::int as orders, (select count(*) from public.leads)::int as leads',
  );
  return { ...rows[0]!, seconds: (performance.now() - started) / 1000, recountSeconds, recounted };
}
