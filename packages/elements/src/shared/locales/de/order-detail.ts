import type { OrderDetailTerms } from '../terms-by-element/order-detail.js';

/** German for the order detail pages and the delivery chart. */
export const orderDetailDe: OrderDetailTerms = {
  chartTitle: 'Lieferungen',
  chartDelivered: 'Geliefert',
  chartPace: 'Tempo bis zum Ziel',
  chartTarget: 'Ziel',
  chartDataTable: 'Lieferungen als Tabelle',
  chartDay: 'Tag',
  chartWeekOf: 'Woche ab',
  chartDeliveredInBucket: 'Geliefert',
  chartCumulative: 'Gesamt',
  chartSummary: (d, p, lastDay, target) =>
    `${d} von ${p} Leads geliefert${lastDay ? ` bis ${lastDay}` : ''}${target ? `; Zieldatum ${target}` : ''}.`,
  forecastTitle: 'Prognose',
  forecastRate: (perDay, days) => `Aktuelles Tempo: ${perDay} Leads pro Tag in den letzten ${days} Tagen.`,
  forecastProjected: (date) => `In diesem Tempo ist die Lieferung etwa am ${date} abgeschlossen.`,
  forecastOnTrack: 'Das ist am oder vor dem Zieldatum.',
  forecastLate: 'Das ist nach dem Zieldatum.',
  forecastNeeded: (perDay) => `${perDay} Leads pro Tag sind nötig, um bis zum Zieldatum fertig zu werden.`,
  forecastNone: 'Noch keine Prognose: zuletzt gab es keine Lieferungen.',
  leadsTitle: 'Leads',
  leadCompany: 'Firma',
  leadContact: 'Kontakt',
  leadEmail: 'E-Mail',
  leadPhone: 'Telefon',
  leadStatus: 'Status',
  leadDeliveredAt: 'Geliefert',
  leadsEmpty: 'Noch keine Leads in diesem Auftrag.',
  timelineTitle: 'Verlauf',
  timelineEmpty: 'Noch ist nichts geschehen.',
  timelineBy: 'von',
  timelineEarlier: (n, f) => (n === 1 ? '1 frühere Änderung anzeigen' : `${f} frühere Änderungen anzeigen`),
  clientEvent: (type, data, status) => {
    const to = data?.to;
    switch (type) {
      case 'created':
        return 'Auftrag erteilt';
      case 'status_changed':
        return `Jetzt ${status[to as keyof typeof status] ?? String(to)}${data?.automatic ? ' (automatisch)' : ''}`;
      case 'quantity_changed':
        return `Gekaufte Leads von ${String(data?.from)} auf ${String(to)} geändert`;
      case 'lead_assigned':
      case 'lead_moved':
        return data?.delivered ? 'Ein Lead wurde geliefert' : 'Ein Lead wurde hinzugefügt';
      case 'lead_delivered':
        return 'Ein Lead wurde geliefert';
      case 'lead_unassigned':
        return 'Ein Lead wurde aus dem Auftrag genommen';
      case 'lead_undelivered':
        return 'Eine Lieferung wurde zurückgenommen';
    }
  },
  clientStatus: {
    Draft: 'In Vorbereitung: die Lieferungen haben noch nicht begonnen.',
    Active: 'Leads werden geliefert.',
    Paused: 'Die Lieferungen ruhen vorerst.',
    Completed: 'Alle Leads dieses Auftrags wurden geliefert.',
    Cancelled: 'Dieser Auftrag wurde storniert.',
  },
};
