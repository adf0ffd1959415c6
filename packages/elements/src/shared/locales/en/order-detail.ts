import type { Translation } from '../terms.js';

/** English for the order detail pages and the delivery chart. */
export const orderDetail = {
  chartTitle: 'Deliveries',
  chartDelivered: 'Delivered',
  chartPace: 'Pace to reach the target',
  chartTarget: 'Target',
  chartDataTable: 'Deliveries as a table',
  chartDay: 'Day',
  chartWeekOf: 'Week of',
  chartDeliveredInBucket: 'Delivered',
  chartCumulative: 'Total',
  chartSummary: (d, p, lastDay, target) =>
    `${d} of ${p} leads delivered${lastDay ? ` by ${lastDay}` : ''}${target ? `; target date ${target}` : ''}.`,
  forecastTitle: 'Forecast',
  forecastRate: (perDay, days) => `Recent pace: ${perDay} leads a day over the last ${days} days.`,
  forecastProjected: (date) => `At this pace, delivery completes around ${date}.`,
  forecastOnTrack: 'That is on or before the target date.',
  forecastLate: 'That is after the target date.',
  forecastNeeded: (perDay) => `${perDay} leads a day are needed to finish by the target date.`,
  forecastNone: 'No projection yet: there were no deliveries recently.',
  leadsTitle: 'Leads',
  leadCompany: 'Company',
  leadContact: 'Contact',
  leadEmail: 'Email',
  leadPhone: 'Phone',
  leadStatus: 'Status',
  leadDeliveredAt: 'Delivered',
  leadsEmpty: 'No leads in this order yet.',
  timelineTitle: 'History',
  timelineEmpty: 'Nothing has happened yet.',
  timelineBy: 'by',
  timelineEarlier: (n, f) => (n === 1 ? 'Show 1 earlier change' : `Show ${f} earlier changes`),
  clientEvent: (type, data, status) => {
    const to = data?.to;
    switch (type) {
      case 'created':
        return 'Order placed';
      case 'status_changed':
        return `Now ${status[to as keyof typeof status] ?? String(to)}${data?.automatic ? ' (automatically)' : ''}`;
      case 'quantity_changed':
        return `Leads purchased changed from ${String(data?.from)} to ${String(to)}`;
      case 'lead_assigned':
      case 'lead_moved':
        return data?.delivered ? 'A lead was delivered' : 'A lead was added';
      case 'lead_delivered':
        return 'A lead was delivered';
      case 'lead_unassigned':
        return 'A lead was taken out of the order';
      case 'lead_undelivered':
        return 'A delivery was withdrawn';
    }
  },
  clientStatus: {
    Draft: 'Being prepared: deliveries have not started.',
    Active: 'Leads are being delivered.',
    Paused: 'Deliveries are paused for now.',
    Completed: 'All leads of this order have been delivered.',
    Cancelled: 'This order was cancelled.',
  },
} satisfies Partial<Translation>;

