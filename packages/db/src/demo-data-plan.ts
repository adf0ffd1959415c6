// The shape of each demo order: which status it ends in and where it stands against its dates.
// Every kind appears at least once in any demo, so dashboards show every state they can draw.

export type OrderStatus = 'Draft' | 'Active' | 'Paused' | 'Completed' | 'Cancelled';
export type LeadStatus = 'New' | 'Approved' | 'Lead' | 'Rejected';

export interface OrderKind {
  name: string;
  /** The status the order is inserted with; leads can only be assigned while it is Active. */
  initial: 'Draft' | 'Active';
  /** Legal transitions applied after the leads are in (Active → Completed happens by itself when full). */
  transitions: OrderStatus[];
  /** Days from today; null target means an open-ended order (no pace, never overdue). */
  start: [number, number];
  target: [number, number] | null;
  /** Days before today without deliveries: an order paused or cancelled a while ago went quiet then. */
  quiet?: [number, number];
  /** How many delivered leads, given the quantity and the share of the schedule already elapsed. */
  delivered(purchased: number, elapsed: number, fraction: (min: number, max: number) => number): number;
}

const none = () => 0;

export const orderKinds: readonly OrderKind[] = [
  { name: 'draft', initial: 'Draft', transitions: [], start: [5, 20], target: [45, 90], delivered: none },
  { name: 'cancelled before start', initial: 'Draft', transitions: ['Cancelled'], start: [3, 15], target: [40, 70], delivered: none },
  {
    name: 'on track',
    initial: 'Active',
    transitions: [],
    start: [-50, -20],
    target: [20, 60],
    delivered: (p, e, f) => Math.round(p * e * f(0.97, 1.03)),
  },
  {
    name: 'resumed after a pause',
    initial: 'Active',
    transitions: ['Paused', 'Active'],
    start: [-45, -25],
    quiet: [4, 8],
    target: [25, 50],
    delivered: (p, e, f) => Math.round(p * e * f(0.97, 1.03)),
  },
  {
    name: 'ahead of pace',
    initial: 'Active',
    transitions: [],
    start: [-30, -20],
    target: [40, 60],
    delivered: (p, e, f) => Math.min(p - Math.ceil(p * 0.15), Math.round(p * e * f(1.4, 1.6)) + 2),
  },
  {
    name: 'behind pace',
    initial: 'Active',
    transitions: [],
    start: [-60, -40],
    target: [15, 40],
    delivered: (p, e, f) => Math.round(p * e * f(0.3, 0.45)),
  },
  {
    name: 'overdue',
    initial: 'Active',
    transitions: [],
    start: [-100, -70],
    target: [-20, -5],
    delivered: (p, _e, f) => Math.round(p * f(0.55, 0.8)),
  },
  {
    name: 'nearly full',
    initial: 'Active',
    transitions: [],
    start: [-45, -30],
    target: [10, 30],
    delivered: (p) => p - Math.max(1, Math.floor(p * 0.04)),
  },
  {
    name: 'full, completed automatically',
    initial: 'Active',
    transitions: [],
    start: [-90, -45],
    target: [-20, 15],
    delivered: (p) => p,
  },
  {
    name: 'completed early by hand',
    initial: 'Active',
    transitions: ['Completed'],
    start: [-120, -80],
    target: [-40, -10],
    delivered: (p, _e, f) => Math.round(p * f(0.75, 0.95)),
  },
  {
    name: 'paused',
    initial: 'Active',
    transitions: ['Paused'],
    start: [-50, -30],
    quiet: [5, 15],
    target: [20, 50],
    delivered: (p, _e, f) => Math.round(p * f(0.25, 0.5)),
  },
  {
    name: 'cancelled midway',
    initial: 'Active',
    transitions: ['Cancelled'],
    start: [-60, -30],
    quiet: [3, 20],
    target: [10, 40],
    delivered: (p, _e, f) => Math.round(p * f(0.05, 0.25)),
  },
  {
    name: 'open-ended',
    initial: 'Active',
    transitions: [],
    start: [-30, -10],
    target: null,
    delivered: (p, _e, f) => Math.round(p * f(0.3, 0.6)),
  },
];

export const quantities = [20, 25, 30, 40, 50, 60, 75, 100] as const;
