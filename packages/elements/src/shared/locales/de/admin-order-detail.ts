import type { AdminOrderDetailTerms } from '../terms-by-element/admin-order-detail.js';

const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);

/** German for admin-order-detail. */
export const adminOrderDetailDe: AdminOrderDetailTerms = {
  adminStatusActions: 'Statusaktionen',
  assignTitle: 'Leads zuweisen',
  assignSearch: 'Leads des Kunden ohne Auftrag suchen',
  assignPick: (company) => `${company} auswählen`,
  assignCapacity: (picked, remaining) => `${picked} ausgewählt · Platz für ${remaining}`,
  assignOverCapacity: (n, f) => plural(n, `Höchstens ${f} Lead auswählen: Mehr hat der Auftrag nicht frei.`, `Höchstens ${f} Leads auswählen: Mehr hat der Auftrag nicht frei.`),
  assignNotActive: (status) => `Es können keine Leads zugewiesen werden: Der Auftrag ist ${status}. Nur ein aktiver Auftrag nimmt Leads auf.`,
  assignFull: 'Es können keine Leads zugewiesen werden: Der Auftrag ist voll.',
  assignButton: (n, f) => plural(n, `${f} Lead zuweisen`, `${f} Leads zuweisen`),
  assignDone: (n, f, number) => plural(n, `${f} Lead ${number} zugewiesen.`, `${f} Leads ${number} zugewiesen.`),
  assignRefused: (message) => `Nichts wurde zugewiesen: ${message}`,
  assignEmpty: 'Dieser Kunde hat keine Leads außerhalb eines Auftrags.',
  leadStatusFilter: 'Lead-Status',
  leadAllStatuses: 'Alle',
  leadUnassign: (company) => `Herausnehmen: ${company}`,
  leadUnassignShort: 'Herausnehmen',
  leadUnassigned: (company) => `${company} wurde aus dem Auftrag genommen.`,
  actionRefusedPlain: (message) => `Nicht geändert: ${message}`,
  leadMove: (company) => `Verschieben: ${company}`,
  leadMoveShort: 'Verschieben',
  moveTitle: (company) => `${company} in einen anderen Auftrag dieses Kunden verschieben`,
  moveTo: 'Verschieben in Auftrag',
  moveSubmit: 'Lead verschieben',
  moveCancel: 'Hier lassen',
  moveDone: (company, number) => `${company} wurde nach ${number} verschoben.`,
  moveChoose: 'Wählen Sie den Auftrag, in den der Lead soll.',
  moveSameOrder: 'Der Lead ist bereits in diesem Auftrag.',
  moveRefused: (message) => `Nicht verschoben: ${message}`,
};
