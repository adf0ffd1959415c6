import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SubscriptionTarget, Tracking } from './tracking.js';

/** `idle`: nothing to fetch yet (no SDK or no id); `ready` also covers data given by the host. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error' | 'not-found';

export interface DataSource<T> {
  /** Data the host set (`.order`, `.orders`, `.stats`): when defined, nothing is fetched. */
  given(): T | undefined;
  /** What the fetch depends on; a change refetches. `undefined` means there is nothing to fetch. */
  args(): readonly unknown[] | undefined;
  load(tracking: Tracking, signal: AbortSignal): Promise<T>;
  /** What to watch so the data stays current; omitted means no live updates. */
  watch?(): SubscriptionTarget | undefined;
}

interface Host extends ReactiveControllerHost {
  readonly sdk: Tracking | undefined;
}


/**
 * Loads a widget's data through the SDK and keeps it current: loading, error with retry,
 * not-found, and a silent refetch whenever `tracking.subscribe` reports a change.
 */
export class DataController<T> implements ReactiveController {
  status: LoadStatus = 'idle';
  value: T | undefined;
  error: unknown;

  #key: readonly unknown[] | undefined;
  #abort: AbortController | undefined;
  #unsubscribe: (() => void) | undefined;
  #refreshing = false;
  #refreshAgain = false;

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
    if (sameKey(key, this.#key) && (key || this.status === 'idle')) return;
    this.#key = key;
    this.#stop();
    this.value = undefined;
    if (!key || !tracking) {
      this.status = 'idle';
      return;
    }
    this.#load(tracking, false);
    const target = this.source.watch?.();
    if (target) this.#unsubscribe = tracking.subscribe(target, () => this.#refresh());
  }

  /** Fetches again after an error (the retry button). */
  retry() {
    const tracking = this.host.sdk;
    if (tracking && this.#key) this.#load(tracking, false);
  }

  async #load(tracking: Tracking, silent: boolean): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    if (!silent) {
      this.status = 'loading';
      this.error = undefined;
      this.host.requestUpdate();
    }
    try {
      const value = await this.source.load(tracking, abort.signal);
      if (abort.signal.aborted) return;
      this.value = value;
      this.status = 'ready';
      this.error = undefined;
    } catch (error) {
      if (abort.signal.aborted) return;
      // The SDK's refusal for a missing row, or one Row Level Security hides.
      const code = (error as { code?: unknown } | null)?.code;
      if (code === 'order_not_found' || code === 'client_not_found') {
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
  // at most one more after it, so the screen ends current without a request per event.
  async #refresh() {
    const tracking = this.host.sdk;
    if (!tracking || !this.#key) return;
    if (this.#refreshing) {
      this.#refreshAgain = true;
      return;
    }
    this.#refreshing = true;
    try {
      do {
        this.#refreshAgain = false;
        await this.#load(tracking, true);
      } while (this.#refreshAgain && this.#key);
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
