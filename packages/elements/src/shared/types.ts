// The row shapes and the slice of the SDK the elements call. Elements never build queries:
// everything they read or write goes through these SDK methods.
export type OrderStatus = 'Draft' | 'Active' | 'Paused' | 'Completed' | 'Cancelled';
export type OrderPace = 'ahead' | 'on_track' | 'behind' | null;

/** One `order_summary` row, as the SDK returns it. */
export interface Order {
  id: string;
  order_number: string;
  client_id: string;
  client_name: string | null;
  name: string | null;
  description: string | null;
  status: OrderStatus;
  priority: number;
  leads_purchased: number;
  leads_delivered: number;
  leads_remaining: number;
  target_delivery_date: string | null;
  start_date: string | null;
  completion_date: string | null;
  created_at: string;
  updated_at: string;
  completion_percentage: number;
  days_remaining: number | null;
  is_overdue: boolean;
  expected_delivered: number | null;
  pace: OrderPace;
  is_nearly_full: boolean;
  needs_attention: boolean;
}

/** The `get_order_stats` result. */
export interface OrderStats {
  orders_total: number;
  by_status: Record<OrderStatus, number>;
  active: number;
  overdue: number;
  needs_attention: number;
  leads_purchased: number;
  leads_delivered: number;
  leads_remaining: number;
  delivered_last_7_days: number;
  delivered_last_30_days: number;
}
