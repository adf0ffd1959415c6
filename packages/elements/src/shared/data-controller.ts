import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { OrderChange, SubscriptionTarget, Tracking } from './tracking.js';

/**
 * `idle`: nothing to fetch (no id); `no-sdk`: something to fetch but no SDK instance and no data
 * from the host; `ready` also covers data given by the host.
 */
export type LoadStatus = 'idle' | 'no-sdk' | 'loading' | 'ready' | 'error' | 'not-found';

export interface DataSource<T> {
  /** Data the host set (`.order`, `.orders`, `.stats`): when defined, nothing is fetched. */
  given(): T | undefined;
  /** What the fetch depends on; a change refetches. `undefined` means there is nothing to fetch. */
  args(): readonly unknown[] | undefined;
  /**
   * Fetches the data. After a live change, `changes` lists what the subscription reported since
   * the last fetch, so a source holding many rows can refetch only the ones that changed.
   */
  load(tracking: Tracking, signal: AbortSignal, changes?: OrderChange[]): Promise<T>;
  /** What to watch so the data stays current; omitted means no live updates. */
  watch?(): SubscriptionTarget | undefined;
}

interface Host extends ReactiveControllerHost, Element {
  readonly sdk: Tracking | undefined;
  /** True while an `<order-tracking-provider>` around the element has no SDK instance yet. */
  readonly sdkPending?: boolean;
}

/**
 * Whether `error` is the SDK's refusal of an id that is not a uuid (`invalid_input`, every issue
 * "expected a uuid"). Such an id can name no row, so the element says "not found", as for a row
 * that does not exist, rather than offering a retry that cannot succeed.
 */
export function isMalformedId(error: unknown): boolean {
  const { code, issues } = (error ?? {}) as { code?: unknown; issues?: unknown };
  return (
    code === 'invalid_input' &&
    Array.isArray(issues) &&
    issues.length > 0 &&
    issues.every((issue: { message?: unknown }) => issue?.message === 'expected a uuid')
  );
}

/**
 * Loads a widget's data through the SDK and keeps it current: loading, error with retry,
 * not-found (also for an id that is not a uuid), and a silent refetch whenever
 * `tracking.subscribe` reports a change. With no SDK instance the status is `no-sdk` and the
 * console is told once, except inside an `<order-tracking-provider>` that has none yet: then it
 * is `loading` until the provider's `tracking` is set.
 */
export class DataController<T> implements ReactiveController {
  status: LoadStatus = 'idle';
  value: T | undefined;
  error: unknown;

  #key: readonly unknown[] | undefined;
  #abort: AbortController | undefined;
  #unsubscribe: (() => void) | undefined;
  #refreshing = false;
  #changes: OrderChange[] = [];
  #warned = false;

  constructor(
    private readonly host: Host,
    private readonly source: DataSource<T>,
  ) {
    host.addController(this);
  }

  hostDisconnected() {
    this.#stop();
    this.#key = undefined; // reconnecting fetches again: the data may be stale by then
  }

  hostUpdate() {
    const given = this.source.given();
    if (given !== undefined) {
      if (this.#key !== undefined) this.#stop();
      this.#key = undefined;
      this.value = given;
      this.status = 'ready';
      return;
    }
    const tracking = this.host.sdk;
    const args = this.source.args();
    const key = tracking && args ? [tracking, ...args] : undefined;
    if (key && sameKey(key, this.#key)) return;
    this.#key = key;
    this.#stop();
    this.value = undefined;
    if (!key || !tracking) {
      // Under a provider whose SDK is still being created (set after an async start), the
      // element is loading: the provider warns if none ever arrives (see OrderTrackingProvider).
      if (args && this.host.sdkPending) {
        this.status = 'loading';
        return;
      }
      this.status = args ? 'no-sdk' : 'idle';
      // Said once per element: a page without an SDK would otherwise show an empty box, silently.
      if (args && !this.#warned) {
        this.#warned = true;
        console.warn(
          `<${this.host.localName}>: no SDK instance, nothing to show. Set .tracking on it, or on an <order-tracking-provider> around it.`,
          this.host,
        );
      }
      return;
    }
    this.#load(tracking);
    const target = this.source.watch?.();
    if (!target) return;
    try {
      this.#unsubscribe = tracking.subscribe(target, (change) => this.#refresh(change));
    } catch (error) {
      // `subscribe` checks its ids synchronously: a malformed one is "not found", not a crash.
      if (!isMalformedId(error)) throw error;
      this.#abort?.abort();
      this.status = 'not-found';
    }
  }

  /** Fetches again after an error (the retry button). */
  retry() {
    const tracking = this.host.sdk;
    if (tracking && this.#key) this.#load(tracking);
  }

  /** A load with `changes` is a silent refresh: the current data stays on screen meanwhile. */
  async #load(tracking: Tracking, changes?: OrderChange[]): Promise<void> {
    const silent = !!changes;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    if (!silent) {
      this.status = 'loading';
      this.error = undefined;
      this.host.requestUpdate();
    }
    try {
      const value = await this.source.load(tracking, abort.signal, changes);
      if (abort.signal.aborted) return;
      this.value = value;
      this.status = 'ready';
      this.error = undefined;
    } catch (error) {
      if (abort.signal.aborted) return;
      // The SDK's refusal for a missing row, or one Row Level Security hides.
      const code = (error as { code?: unknown } | null)?.code;
      if (code === 'order_not_found' || code === 'client_not_found' || isMalformedId(error)) {
        this.status = 'not-found';
        this.value = undefined;
      } else if (!silent || this.status !== 'ready') {
        // A failed background refresh keeps the last good data on screen.
        this.status = 'error';
        this.error = error;
      }
    }
    this.host.requestUpdate();
  }

  // Changes arrive in bursts (one per lead in a bulk assignment): one refetch at a time, and
  // one more for whatever arrived meanwhile, so the screen ends current without a request per event.
  async #refresh(change: OrderChange) {
    const tracking = this.host.sdk;
    if (!tracking || !this.#key) return;
    this.#changes.push(change);
    if (this.#refreshing) return;
    this.#refreshing = true;
    try {
      while (this.#changes.length && this.#key && this.host.sdk === tracking) await this.#load(tracking, this.#changes.splice(0));
    } finally {
      this.#refreshing = false;
    }
  }

  #stop() {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}

function sameKey(a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}
