import type { Translation } from '../terms.js';

const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);

/** English for admin-order-detail. */
export const adminOrderDetail = {
  adminStatusActions: 'Status actions',
  assignTitle: 'Assign leads',
  assignSearch: "Search the client's leads in no order",
  assignPick: (company) => `Pick ${company}`,
  assignCapacity: (picked, remaining) => `${picked} picked · room for ${remaining}`,
  assignOverCapacity: (n, f) => plural(n, `Pick at most ${f} lead: the order has room for no more.`, `Pick at most ${f} leads: the order has room for no more.`),
  assignNotActive: (status) => `No leads can be assigned: the order is ${status}. Only an active order takes leads.`,
  assignFull: 'No leads can be assigned: the order is full.',
  assignButton: (n, f) => plural(n, `Assign ${f} lead`, `Assign ${f} leads`),
  assignDone: (n, f, number) => plural(n, `${f} lead assigned to ${number}.`, `${f} leads assigned to ${number}.`),
  assignRefused: (message) => `Nothing was assigned: ${message}`,
  assignEmpty: 'This client has no leads outside an order.',
  leadStatusFilter: 'Lead status',
  leadAllStatuses: 'All',
  leadUnassign: (company) => `Take out ${company}`,
  leadUnassignShort: 'Take out',
  leadUnassigned: (company) => `${company} was taken out of the order.`,
  actionRefusedPlain: (message) => `Not changed: ${message}`,
  leadMove: (company) => `Move ${company}`,
  leadMoveShort: 'Move',
  moveTitle: (company) => `Move ${company} to another order of this client`,
  moveTo: 'Move to order',
  moveSubmit: 'Move lead',
  moveCancel: 'Keep it here',
  moveDone: (company, number) => `${company} was moved to ${number}.`,
  moveChoose: 'Choose the order to move the lead to.',
  moveSameOrder: 'The lead is already in this order.',
  moveRefused: (message) => `Not moved: ${message}`,
} satisfies Partial<Translation>;
