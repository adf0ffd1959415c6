import type { AssignmentDialogTerms } from '../terms-by-element/assignment-dialog.js';

/** German for order-assignment-dialog. */
export const assignmentDialogDe: AssignmentDialogTerms = {
  dialogTitle: 'Lead zuweisen',
  dialogClient: 'Kunde',
  dialogClientSearch: 'Kunden suchen',
  dialogChooseClient: 'Kunden auswählen',
  dialogClientRequired: 'Wählen Sie den Kunden, der diesen Lead erhält.',
  dialogOrderRequired: 'Wählen Sie einen Auftrag oder weisen Sie ohne Auftrag zu.',
  dialogAssign: 'Zuweisen',
  dialogCancel: 'Abbrechen',
  dialogAssigning: 'Wird zugewiesen…',
  dialogRefused: (message) => `Nicht zugewiesen: ${message}`,
  dialogOrderFull: 'Dieser Auftrag ist voll. Wählen Sie einen anderen Auftrag.',
  dialogLeavesOrder: 'Ohne Auftrag verlässt dieser Lead seinen bisherigen Auftrag.',
  dialogNoClients: (search) => `Kein Kunde passt zu „${search}“.`,
  dialogClientsFailed: (message) => `Kunden konnten nicht geladen werden: ${message}`,
};
