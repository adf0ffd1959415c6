import { html, nothing, type TemplateResult } from 'lit';
import type { LeadRow } from '@lead-orders/sdk';
import type { LocalizeController } from '../localize.js';
import { formatDay } from '../data-table/date-format.js';

/**
 * An order's leads as a table, with the columns a client may see (company, contact, email,
 * phone, status, delivered). Cells the database leaves empty stay empty. `action`, when given,
 * adds a last column with a control per lead (the admin's "take out"), and `label` names the
 * scrolling region when a page shows two lead tables.
 *
 * Right to left: every user text cell is isolated (`<bdi>`), so "Kingsley Bakery Ltd." keeps its
 * period at its end; email and phone are left-to-right data (`dir="ltr"`, one line), so
 * "(312) 555-0100" never reads "555- (312)".
 */
/** Email or phone: left-to-right data on one line in any page direction. */
const ltr = (value: string | null) => (value ? html`<span class="ltr" dir="ltr">${value}</span>` : nothing);

export function leadTable(
  l: LocalizeController,
  rows: LeadRow[],
  options: { action?: { header: string; cell: (lead: LeadRow) => TemplateResult }; label?: string } = {},
): TemplateResult {
  const { action, label = l.term('leadsTitle') } = options;
  const lang = l.lang();
  return html`<div class="scroller" role="group" aria-label=${label} tabindex="0">
    <table part="leads-table">
      <thead>
        <tr>
          <th scope="col" part="header-cell">${l.term('leadCompany')}</th>
          <th scope="col" part="header-cell">${l.term('leadContact')}</th>
          <th scope="col" part="header-cell">${l.term('leadEmail')}</th>
          <th scope="col" part="header-cell">${l.term('leadPhone')}</th>
          <th scope="col" part="header-cell">${l.term('leadStatus')}</th>
          <th scope="col" part="header-cell">${l.term('leadDeliveredAt')}</th>
          ${action ? html`<th scope="col" part="header-cell">${action.header}</th>` : nothing}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (lead) => html`<tr part="lead-row" data-id=${lead.id}>
            <th scope="row"><bdi>${lead.company_name}</bdi></th>
            <td><bdi>${lead.contact_name ?? ''}</bdi></td>
            <td>${ltr(lead.email)}</td>
            <td>${ltr(lead.phone)}</td>
            <td><bdi>${lead.status}</bdi></td>
            <td>${formatDay(lang, lead.delivered_at)}</td>
            ${action ? html`<td>${action.cell(lead)}</td>` : nothing}
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
