// Result objects shaped exactly as the database functions return them, for the stub transports.
export const ids = {
  client: '11111111-1111-4111-8111-111111111111',
  order: '22222222-2222-4222-8222-222222222222',
  order2: '22222222-2222-4222-8222-333333333333',
  lead: '33333333-3333-4333-8333-333333333333',
  lead2: '33333333-3333-4333-8333-444444444444',
  user: '44444444-4444-4444-8444-444444444444',
};

export const orderRecord = {
  id: ids.order,
  order_number: 'ORD-2025-001',
  client_id: ids.client,
  name: 'Q1 2025 Hiring Campaign',
  description: null,
  leads_purchased: 100,
  leads_delivered: 45,
  leads_remaining: 55,
  target_delivery_date: '2025-03-31',
  start_date: '2025-01-01',
  completion_date: null,
  status: 'Active',
  priority: 0,
  created_by: ids.user,
  created_at: '2025-01-01T09:00:00.123456+00:00',
  updated_at: '2025-02-01T09:00:00.123456+00:00',
};

export const order = {
  ...orderRecord,
  client_name: 'Acme Staffing',
  completion_percentage: 45,
  days_remaining: 12,
  is_overdue: false,
  expected_delivered: 40,
  pace: 'on_track',
  is_nearly_full: false,
  needs_attention: false,
};

export const lead = {
  id: ids.lead,
  company_name: 'Acme Corp',
  contact_name: 'Ada',
  email: 'ada@acme.test',
  phone: null,
  status: 'Approved',
  client_id: ids.client,
  order_id: ids.order,
  delivered_at: '2025-02-01T09:00:00+00:00',
  created_at: '2025-01-05T09:00:00+00:00',
  updated_at: '2025-02-01T09:00:00+00:00',
};

export const event = {
  id: 7,
  order_id: ids.order,
  client_id: ids.client,
  event_type: 'lead_assigned',
  lead_id: ids.lead,
  actor_id: ids.user,
  data: {},
  created_at: '2025-02-01T09:00:00+00:00',
};

export const stats = {
  orders_total: 3,
  by_status: { Draft: 1, Active: 1, Paused: 0, Completed: 1, Cancelled: 0 },
  active: 1,
  overdue: 0,
  needs_attention: 1,
  leads_purchased: 300,
  leads_delivered: 145,
  leads_remaining: 155,
  delivered_last_7_days: 12,
  delivered_last_30_days: 50,
};
