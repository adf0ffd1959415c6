import { LitElement, html, css } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { trackingContext } from '../shared/context.js';
import type { Tracking } from '../shared/tracking.js';

/**
 * Shares one SDK instance with every widget inside it, so the host sets it once.
 * It renders its children as they are and adds no box of its own (`display: contents`).
 *
 * `tracking` may come later than the widgets (a host that creates the SDK after an async start):
 * until it is set, widgets inside show their loading state and do not warn. If it is still unset
 * `missingSdkWarningMs` (10 000 ms) after the provider connected, the provider warns once in the
 * console, for all its widgets; setting it later still works.
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

  /**
   * How long (ms) after connecting the provider waits for `tracking` before it warns once in the
   * console that its widgets have no SDK instance. Long enough for an SDK created after a sign-in
   * round trip; a page that never sets it is still told.
   */
  static missingSdkWarningMs = 10_000;

  private readonly provider = new ContextProvider(this, { context: trackingContext });
  #warnTimer: ReturnType<typeof setTimeout> | undefined;
  #warned = false;

  override connectedCallback() {
    super.connectedCallback();
    if (this.tracking || this.#warned) return;
    this.#warnTimer = setTimeout(() => {
      this.#warnTimer = undefined;
      if (this.tracking || !this.isConnected) return;
      this.#warned = true;
      console.warn(
        `<order-tracking-provider>: no SDK instance after ${OrderTrackingProvider.missingSdkWarningMs} ms; the widgets inside stay loading. Set .tracking on it.`,
        this,
      );
    }, OrderTrackingProvider.missingSdkWarningMs);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.#warnTimer);
    this.#warnTimer = undefined;
  }

  protected override willUpdate() {
    this.provider.setValue(this.tracking);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
