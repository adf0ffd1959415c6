import type { Translation } from '../terms.js';

/** English for order-assignment-dialog. */
export const assignmentDialog = {
  dialogTitle: 'Assign lead',
  dialogClient: 'Client',
  dialogClientSearch: 'Find a client',
  dialogChooseClient: 'Choose a client',
  dialogClientRequired: 'Choose the client to give this lead to.',
  dialogOrderRequired: 'Choose an order, or assign without order.',
  dialogAssign: 'Assign',
  dialogCancel: 'Cancel',
  dialogAssigning: 'Assigning…',
  dialogRefused: (message) => `Not assigned: ${message}`,
  dialogOrderFull: 'This order is full. Choose another order.',
  dialogLeavesOrder: 'Without an order, this lead leaves the order it is in now.',
  dialogNoClients: (search) => `No client matches “${search}”.`,
  dialogClientsFailed: (message) => `Clients could not be loaded: ${message}`,
} satisfies Partial<Translation>;
