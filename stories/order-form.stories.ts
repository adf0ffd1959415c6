import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { OrderTracking } from '@lead-orders/sdk';
import { alwaysFails, neverLoads } from './support/stub-tracking.js';
import { loadDemo, type DemoContext } from './support/demo-database.js';

const meta: Meta = {
  title: 'Pages/order-form',
  component: 'order-form',
};
export default meta;
type Story = StoryObj;

/** Without an SDK: the empty form, every label and control. */
export const EmptyForm: Story = { render: () => html`<order-form></order-form>` };
export const German: Story = { ...EmptyForm, globals: { locale: 'de' } };
export const RightToLeft: Story = { ...EmptyForm, globals: { dir: 'rtl' } };
export const DarkTheme: Story = { ...EmptyForm, globals: { theme: 'dark' } };

export const LoadingTheOrderToEdit: Story = {
  tags: ['stays-loading'],
  render: () => html`<order-form order-id="00000000-0000-4000-8000-000000000001" .tracking=${neverLoads()}></order-form>`,
};
export const ErrorLoadingTheOrder: Story = {
  render: () => html`<order-form order-id="00000000-0000-4000-8000-000000000001" .tracking=${alwaysFails()}></order-form>`,
};

/**
 * The admin creates an order on the demo database: pick a client (search narrows the list),
 * keep the automatic number or type one (it says at once whether it is free), and submit with
 * Enter. Type the number of an existing order to see it refused on its field.
 */
export const CreateOnDemoDatabase: Story = {
  tags: ['database'],
  loaders: [loadDemo],
  render: (_args, { loaded }) => html`<order-form .tracking=${(loaded as DemoContext).admin as OrderTracking}></order-form>`,
};

/** Editing one of client A's orders: lower the quantity below what was delivered to see the refusal. */
export const EditOnDemoDatabase: Story = {
  tags: ['database'],
  loaders: [
    async (context) => {
      const demo = await loadDemo(context);
      const { items } = await demo.admin.orders.list({ clientId: demo.users.clientA.client_id!, status: 'Active', limit: 1 });
      return { ...demo, orderId: items[0]?.id ?? '' };
    },
  ],
  render: (_args, { loaded }) => {
    const demo = loaded as DemoContext & { orderId: string };
    return html`<order-form order-id=${demo.orderId} .tracking=${demo.admin as OrderTracking}></order-form>`;
  },
};

/** Sets a control's value as typing would, then leaves it (`change`). */
function fill(form: Element, selector: string, value: string) {
  const input = form.shadowRoot!.querySelector<HTMLInputElement>(selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('change'));
}

/**
 * Every bounded field past its bound, submitted: each says its bound on itself (quantity 1 to
 * 10,000,000, priority −1,000 to 1,000, dates 2000 to 2100, name 200 and description 10,000
 * characters, a manual number 40), and nothing is sent.
 */
export const FieldBounds: Story = {
  tags: ['database'],
  loaders: [loadDemo],
  render: (_args, { loaded }) => html`<order-form .tracking=${(loaded as DemoContext).admin as OrderTracking}></order-form>`,
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector('order-form')!;
    await (form as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    form.shadowRoot!.querySelector<HTMLInputElement>('input[value="manual"]')!.click();
    await (form as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    fill(form, '#order_number', 'N'.repeat(41));
    fill(form, '#leads_purchased', '10000001');
    fill(form, '#priority', '1001');
    fill(form, '#start_date', '1999-12-31');
    fill(form, '#target_delivery_date', '2101-01-01');
    fill(form, '#name', 'n'.repeat(201));
    fill(form, '#description', 'd'.repeat(10_001));
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
  },
};
export const FieldBoundsInGerman: Story = { ...FieldBounds, globals: { locale: 'de' } };
export const FieldBoundsRightToLeft: Story = { ...FieldBounds, globals: { dir: 'rtl', locale: 'ar' } };
