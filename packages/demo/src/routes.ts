import type { ComponentType } from 'react';
import { AdminDashboard } from './pages/admin-dashboard.js';
import { AdminLeads } from './pages/admin-leads.js';
import { AdminNewOrder } from './pages/admin-new-order.js';
import { AdminOrderDetail } from './pages/admin-order-detail.js';
import { AdminOrders } from './pages/admin-orders.js';
import { ClientDashboard } from './pages/client-dashboard.js';
import { ClientOrderDetail } from './pages/client-order-detail.js';
import { ClientOrders } from './pages/client-orders.js';
import type { PageProps } from './pages/page-props.js';
import type { TitleKey } from './shell/words.js';

export interface PortalRoute {
  /** A wouter path pattern (`:id` for parameters). */
  path: string;
  /** Who the page is for; the other role is sent to its own dashboard. */
  role: 'admin' | 'client';
  /** The page's heading and navigation label, in the portal's words (shell/words.ts). */
  title: TitleKey;
  /** Shown in the navigation (detail pages are reached through links). */
  nav: boolean;
  page: ComponentType<PageProps>;
}

/** Every page of the portal: adding one is adding a line here. Paths match exactly; a literal
 * segment (`new`) comes before a parameter (`:id`) in the same place. */
export const routes: PortalRoute[] = [
  { path: '/admin', role: 'admin', title: 'dashboard', nav: true, page: AdminDashboard },
  { path: '/admin/orders', role: 'admin', title: 'orders', nav: true, page: AdminOrders },
  { path: '/admin/orders/new', role: 'admin', title: 'newOrder', nav: true, page: AdminNewOrder },
  { path: '/admin/orders/:id', role: 'admin', title: 'order', nav: false, page: AdminOrderDetail },
  { path: '/admin/leads', role: 'admin', title: 'allLeads', nav: true, page: AdminLeads },
  { path: '/client', role: 'client', title: 'dashboard', nav: true, page: ClientDashboard },
  { path: '/client/orders/:id', role: 'client', title: 'order', nav: false, page: ClientOrderDetail },
  { path: '/client/orders', role: 'client', title: 'myOrders', nav: true, page: ClientOrders },
];

export const home = (role: 'admin' | 'client') => (role === 'admin' ? '/admin' : '/client');
