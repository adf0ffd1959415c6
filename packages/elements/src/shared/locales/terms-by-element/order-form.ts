/** The words of `<order-form>`. */
export interface OrderFormTerms {
  formCreateTitle: string;
  formEditTitle: (orderNumber: string) => string;
  fieldClient: string;
  fieldClientSearch: string;
  chooseClient: string;
  fieldNumberMode: string;
  numberAuto: string;
  numberManual: string;
  /** The preview of the automatic number; it is taken only when the order is saved. */
  numberPreview: (number: string) => string;
  fieldNumber: string;
  numberChecking: string;
  numberAvailable: string;
  numberTaken: string;
  fieldQuantity: string;
  fieldStartDate: string;
  fieldTargetDate: string;
  fieldName: string;
  fieldDescription: string;
  fieldPriority: string;
  fieldStatus: string;
  submitCreate: string;
  submitEdit: string;
  saving: string;
  saved: (orderNumber: string) => string;
  /** Shown above the form when fields need attention; `n` fields. */
  fixFields: (n: number, formatted: string) => string;
  saveFailed: (message: string) => string;
  errClientRequired: string;
  errNumberRequired: string;
  /** `max`: the longest number, in characters, formatted. */
  errNumberTooLong: (max: string) => string;
  /** The quantity's bounds, formatted. */
  errQuantity: (min: string, max: string) => string;
  errQuantityBelowDelivered: string;
  errDate: string;
  /** The earliest and latest date an order can hold, formatted for the locale. */
  errDateRange: (min: string, max: string) => string;
  errDatesOrder: string;
  /** The priority's bounds, formatted. */
  errPriority: (min: string, max: string) => string;
  /** `max`: the most characters the field holds, formatted. */
  errTooLong: (max: string) => string;
}
