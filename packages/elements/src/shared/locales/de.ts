import type { Translation } from './terms.js';
import { ordersTableDe } from './de/orders-table.js';
import { orderFormDe } from './de/order-form.js';
import { assignmentDialogDe } from './de/assignment-dialog.js';
import { orderFilterDe } from './de/order-filter.js';
import { orderDetailDe } from './de/order-detail.js';
import { adminOrderDetailDe } from './de/admin-order-detail.js';

const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);

/** German. */
export const de: Translation = {
  $code: 'de',
  $name: 'Deutsch',
  $dir: 'ltr',
  status: {
    Draft: 'Entwurf',
    Active: 'Aktiv',
    Paused: 'Pausiert',
    Completed: 'Abgeschlossen',
    Cancelled: 'Storniert',
  },
  pace: { ahead: 'Vor dem Plan', on_track: 'Im Plan', behind: 'Hinter dem Plan' },
  loading: 'Wird geladen…',
  error: 'Laden fehlgeschlagen.',
  retry: 'Erneut versuchen',
  orderNotFound: 'Auftrag nicht gefunden.',
  clientNotFound: 'Kunde nicht gefunden.',
  notConnected: 'Keine Verbindung zu den Auftragsdaten.',
  progressLabel: 'Lieferfortschritt',
  progressValue: (d, p, pct) => `${d} von ${p} Leads geliefert (${pct})`,
  deliveredOf: (d, p) => `${d} / ${p} geliefert`,
  remaining: (n, f) => plural(n, `${f} Lead offen`, `${f} Leads offen`),
  daysLeft: (n, f) => plural(n, `noch ${f} Tag`, `noch ${f} Tage`),
  daysOverdue: (n, f) => plural(n, `${f} Tag überfällig`, `${f} Tage überfällig`),
  dueToday: 'Heute fällig',
  noTargetDate: 'Kein Zieldatum',
  selectLabel: 'Auftrag',
  selectPlaceholder: 'Auftrag auswählen',
  selectNone: 'Ohne Auftrag zuweisen',
  selectEmpty: 'Dieser Kunde hat keine Aufträge.',
  selectNoClient: 'Wählen Sie zuerst einen Kunden.',
  selectValueMissing: 'Bitte wählen Sie einen Auftrag.',
  optionFull: 'Voll',
  optionNotActive: (status) => status,
  nearlyFull: (n, f) =>
    plural(n, `Fast voll: nur noch ${f} Lead in diesem Auftrag.`, `Fast voll: nur noch ${f} Leads in diesem Auftrag.`),
  listLabel: 'Aufträge',
  listEmpty: 'Noch keine Aufträge.',
  listNoMatches: 'Keine Aufträge passen zu diesem Filter.',
  filterStatus: 'Status',
  allStatuses: 'Alle Status',
  sortBy: 'Sortieren nach',
  sortPriority: 'Priorität',
  sortTargetDate: 'Zieldatum',
  sortProgress: 'Fortschritt',
  sortNewest: 'Neueste',
  pageOf: (page, pages) => `Seite ${page} von ${pages}`,
  pageNumber: (page) => `Seite ${page}`,
  pagination: 'Seiten',
  previousPage: 'Vorherige Seite',
  nextPage: 'Nächste Seite',
  orderCount: (n, f) => plural(n, `${f} Auftrag`, `${f} Aufträge`),
  orderCountMore: (f) => `Mehr als ${f} Aufträge`,
  activeOrdersTitle: 'Aktive Aufträge',
  activeTotal: 'Aktiv',
  needingAttention: 'Brauchen Aufmerksamkeit',
  overdue: 'Überfällig',
  viewAllOrders: 'Alle Aufträge ansehen',
  myOrdersTitle: 'Meine Aufträge',
  activeCount: 'Aktive Aufträge',
  totalDelivered: 'Gelieferte Leads',
  ...ordersTableDe,
  ...orderFormDe,
  ...assignmentDialogDe,
  ...orderFilterDe,
  ...orderDetailDe,
  ...adminOrderDetailDe,
};
