import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { trackingContext } from './context.js';
import { LocalizeController } from './localize.js';
import type { LoadStatus } from './data-controller.js';
import type { Tracking } from './tracking.js';

/**
 * What every widget shares: the SDK instance (its own `.tracking`, else the nearest
 * `<order-tracking-provider>`'s), the `locale`, localization, and the load status exposed as a
 * custom state (`:state(loading)`, …) so hosts can style it and tests can wait for it.
 */
export class TrackedElement extends LitElement {
  /** The SDK instance (`createOrderTracking(...)`). Overrides the provider's for this element. */
  @property({ attribute: false }) tracking?: Tracking;

  /** A BCP 47 language tag; defaults to the nearest `lang` attribute, then the document's. */
  @property({ reflect: true }) locale?: string;

  @state() private contextTracking?: Tracking;

  protected readonly localize = new LocalizeController(this);
  protected readonly internals: ElementInternals = this.attachInternals();

  constructor() {
    super();
    new ContextConsumer(this, {
      context: trackingContext,
      subscribe: true,
      callback: (value) => {
        this.contextTracking = value;
      },
    });
  }

  /** The SDK instance in use. */
  get sdk(): Tracking | undefined {
    return this.tracking ?? this.contextTracking;
  }

  /** Mirrors the data status as exactly one custom state. */
  protected setStatus(status: LoadStatus) {
    const states = this.internals.states;
    for (const s of ['idle', 'loading', 'ready', 'error', 'not-found']) {
      if (s === status) states.add(s);
      else states.delete(s);
    }
  }
}
