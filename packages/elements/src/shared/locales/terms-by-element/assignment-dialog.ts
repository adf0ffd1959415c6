/** The words of `<order-assignment-dialog>`. */
export interface AssignmentDialogTerms {
  dialogTitle: string;
  dialogClient: string;
  dialogClientSearch: string;
  dialogChooseClient: string;
  dialogClientRequired: string;
  dialogOrderRequired: string;
  dialogAssign: string;
  dialogCancel: string;
  dialogAssigning: string;
  /** The database refused the assignment; `message` says why, in the reader's language when the refusal is a known one (shared/refusal.ts). */
  dialogRefused: (message: string) => string;
  /** The chosen order cannot take the lead (full); it is refused before sending. */
  dialogOrderFull: string;
  /** "Assign without order" is chosen for a lead that is in an order now: it will leave it. */
  dialogLeavesOrder: string;
  /** No client's name contains the search term `search` (as typed, trimmed). */
  dialogNoClients: (search: string) => string;
  /** The clients could not be listed; `message` says why, in the reader's language when it is a known refusal. */
  dialogClientsFailed: (message: string) => string;
}
