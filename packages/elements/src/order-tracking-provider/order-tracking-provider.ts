import { LitElement, html, css } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { trackingContext } from '../shared/context.js';
import type { Tracking } from '../shared/tracking.js';

/**
 * Shares one SDK instance with every widget inside it, so the host sets it once.
 * It renders its children as they are and adds no box of its own (`display: contents`).
 *
 * @summary Gives descendant widgets the SDK instance.
 * @tag order-tracking-provider
 * @slot - The widgets (and anything else).
 */
export class OrderTrackingProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The SDK instance (`createOrderTracking(...)`); changing it updates every widget inside. */
  @property({ attribute: false }) tracking?: Tracking;

  private readonly provider = new ContextProvider(this, { context: trackingContext });

  protected override willUpdate() {
    this.provider.setValue(this.tracking);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
