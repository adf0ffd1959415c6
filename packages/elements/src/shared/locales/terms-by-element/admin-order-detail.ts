/** The words of `<admin-order-detail>` beyond the shared detail terms. */
export interface AdminOrderDetailTerms {
  adminStatusActions: string;
  assignTitle: string;
  assignSearch: string;
  assignPick: (company: string) => string;
  /** Capacity as leads are picked. */
  assignCapacity: (picked: string, remaining: string) => string;
  /** Why the submit is disabled: more leads picked than the order's room (`remaining`). */
  assignOverCapacity: (remaining: number, formatted: string) => string;
  /** Instead of the panel on an order that is not Active; `status` translated. */
  assignNotActive: (status: string) => string;
  /** Instead of the panel on an Active order with no room left. */
  assignFull: string;
  assignButton: (n: number, formatted: string) => string;
  assignDone: (n: number, formatted: string, orderNumber: string) => string;
  assignRefused: (message: string) => string;
  assignEmpty: string;
  leadStatusFilter: string;
  leadAllStatuses: string;
  /** The accessible name of a lead row's "Take out" button (`company` arrives isolated). */
  leadUnassign: (company: string) => string;
  /** The visible label of a lead row's "Take out" button; its accessible name is `leadUnassign`. */
  leadUnassignShort: string;
  leadUnassigned: (company: string) => string;
  actionRefusedPlain: (message: string) => string;
  /** The row's button that starts moving a lead to another order. */
  leadMove: (company: string) => string;
  /** The visible label of a lead row's "Move" button; its accessible name is `leadMove`. */
  leadMoveShort: string;
  moveTitle: (company: string) => string;
  /** The `<order-select>` label of the move step. */
  moveTo: string;
  moveSubmit: string;
  moveCancel: string;
  moveDone: (company: string, orderNumber: string) => string;
  moveChoose: string;
  moveSameOrder: string;
  moveRefused: (message: string) => string;
}
