/** The words of `<order-filter>`. */
export interface OrderFilterTerms {
  orderFilterLabel: string;
  orderFilterAll: string;
  orderFilterNone: string;
  orderFilterOne: string;
  orderFilterClient: string;
  orderFilterChooseClient: string;
  orderFilterOrder: string;
  orderFilterChooseOrder: string;
}
