import type { OrderEventType, OrderStatus } from '@lead-orders/sdk';

/** The words of the order detail pages and their delivery chart. */
export interface OrderDetailTerms {
  chartTitle: string;
  chartDelivered: string;
  chartPace: string;
  chartTarget: string;
  chartDataTable: string;
  chartDay: string;
  chartWeekOf: string;
  chartDeliveredInBucket: string;
  chartCumulative: string;
  /** The chart's text alternative; `lastDay` and `target` may be empty. */
  chartSummary: (delivered: string, purchased: string, lastDay: string, target: string) => string;
  forecastTitle: string;
  forecastRate: (perDay: string, days: string) => string;
  forecastProjected: (date: string) => string;
  forecastOnTrack: string;
  forecastLate: string;
  forecastNeeded: (perDay: string) => string;
  forecastNone: string;
  leadsTitle: string;
  leadCompany: string;
  leadContact: string;
  leadEmail: string;
  leadPhone: string;
  leadStatus: string;
  leadDeliveredAt: string;
  leadsEmpty: string;
  timelineTitle: string;
  timelineEmpty: string;
  /** Before the name of who made a change, in an admin's history ("by" Ada Admin). */
  timelineBy: string;
  /** The summary that opens the history's older events, beyond the newest ten ("Show 57 earlier changes"). */
  timelineEarlier: (n: number, formatted: string) => string;
  /** A client's words for each event of the history; `data` is the event's own data. */
  clientEvent: (type: OrderEventType, data: Record<string, unknown> | null, status: Record<OrderStatus, string>) => string;
  /** What each status means, in a client's words. */
  clientStatus: Record<OrderStatus, string>;
}
