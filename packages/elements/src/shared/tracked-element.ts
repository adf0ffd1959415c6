import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { trackingContext } from './context.js';
import { LocalizeController, type Translation } from './localize.js';
import type { LoadStatus } from './data-controller.js';
import type { Tracking } from './tracking.js';

/**
 * Requests no provider has answered yet, because the provider's element is not defined or not
 * upgraded yet (its `define.js` loads later). A provider announces itself with a
 * `context-provider` event when it connects; each waiting element then asks again. This is the
 * late-provider handling of the Context Community Protocol (`ContextRoot` in `@lit/context`),
 * kept to what the widgets need.
 */
const waiting = new Map<Element, () => void>();
const retryWaiting = (event: Event) => {
  if ((event as Event & { context?: unknown }).context === trackingContext) for (const ask of [...waiting.values()]) ask();
};

/**
 * What every widget shares: the SDK instance (its own `.tracking`, else the nearest
 * `<order-tracking-provider>`'s), the `locale`, localization, and the load status exposed as a
 * custom state (`:state(loading)`, …) so hosts can style it and tests can wait for it.
 *
 * Reactive properties are declared with `static properties` rather than decorators, and the
 * context request is sent directly (the Context Community Protocol that `@lit/context`'s
 * provider answers): together that keeps about 1 KB out of every widget's bundle.
 */
export class TrackedElement extends LitElement {
  static override properties: PropertyDeclarations = {
    tracking: { attribute: false },
    locale: { reflect: true },
  };

  /** The SDK instance (`createOrderTracking(...)`). Overrides the provider's for this element. */
  declare tracking?: Tracking;
  /** A BCP 47 language tag; defaults to the nearest `lang` attribute, then the document's. */
  declare locale?: string;

  /** The English this element shows beyond the shared terms (the fallback for every language). */
  static terms: Partial<Translation> = {};

  protected readonly localize = new LocalizeController(this, (this.constructor as typeof TrackedElement).terms);
  protected readonly internals: ElementInternals = this.attachInternals();
  #unsubscribe?: () => void;
  #contextTracking?: Tracking;
  #providerAnswered = false;

  override connectedCallback() {
    super.connectedCallback();
    const callback = (value: Tracking | undefined, unsubscribe?: () => void) => {
      waiting.delete(this);
      if (unsubscribe !== this.#unsubscribe) this.#unsubscribe?.();
      this.#unsubscribe = unsubscribe;
      const old = this.sdk;
      this.#contextTracking = value;
      this.#providerAnswered = true;
      // Named, so `willUpdate` sees `changed.has('sdk')` when the provider's SDK is replaced.
      this.requestUpdate('sdk', old);
    };
    const ask = () =>
      this.dispatchEvent(
        Object.assign(new Event('context-request', { bubbles: true, composed: true }), {
          context: trackingContext,
          contextTarget: this,
          subscribe: true,
          callback,
        }),
      );
    waiting.set(this, ask);
    if (waiting.size === 1) document.addEventListener('context-provider', retryWaiting);
    ask();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    waiting.delete(this);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#providerAnswered = false;
    this.#contextTracking = undefined;
  }

  /** The SDK instance in use. */
  get sdk(): Tracking | undefined {
    return this.tracking ?? this.#contextTracking;
  }

  /**
   * True while the element has no SDK instance of its own and the `<order-tracking-provider>`
   * around it has none yet either: the host sets the provider's `tracking` after an async start.
   * The element shows its loading state meanwhile, rather than warning that no SDK is set.
   */
  get sdkPending(): boolean {
    return !this.tracking && this.#providerAnswered && !this.#contextTracking;
  }

  /** The element's data, when it loads any; its status is mirrored as a custom state. */
  protected data?: { status: LoadStatus };

  protected override updated(changed: PropertyValues) {
    super.updated(changed);
    const states = this.internals.states;
    for (const s of ['no-sdk', 'loading', 'ready', 'error', 'not-found']) {
      if (s === this.data?.status) states.add(s);
      else states.delete(s);
    }
  }
}
