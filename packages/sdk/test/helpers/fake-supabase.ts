// A stub `fetch` and a stub WebSocket for supabase-js, so tests see the exact HTTP requests and can
// drive Realtime (Phoenix protocol, vsn 2.0.0 JSON frames) without a server.
import { createClient } from '@supabase/supabase-js';

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

export type Responder = (request: RecordedRequest, attempt: number) => Response | Promise<Response>;

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

type Frame = [string | null, string | null, string, string, Record<string, unknown>];

/** One fake Realtime server; every socket supabase-js opens connects to it. */
export class FakeRealtime {
  sockets: FakeSocket[] = [];
  joins: { topic: string; config: { postgres_changes: Array<Record<string, unknown>> }; socket: FakeSocket }[] = [];
  /** Set to reply to joins with an error instead. */
  refuseJoins = false;

  /** A WebSocket class bound to this server, for `createClient(..., { realtime: { transport } })`. */
  get transport(): unknown {
    const server = this;
    return class extends FakeSocket {
      constructor(url: string) {
        super(url, server);
      }
    };
  }

  /** Sends a postgres_changes message to every joined channel whose filter matches the table. */
  push(table: string, type: 'INSERT' | 'UPDATE' | 'DELETE', record: Record<string, unknown>, oldRecord: Record<string, unknown> = {}): number {
    let sent = 0;
    for (const join of this.joins) {
      if (join.socket.closed) continue;
      const ids = join.config.postgres_changes
        .map((f, i) => ({ f, id: i + 1 }))
        .filter(({ f }) => f.table === table && (f.event === '*' || f.event === type))
        .map(({ id }) => id);
      if (ids.length === 0) continue;
      const columns = Object.keys(type === 'DELETE' ? oldRecord : record).map((name) => ({ name, type: 'text' }));
      join.socket.receive([null, null, join.topic, 'postgres_changes', {
        ids,
        data: { schema: 'public', table, commit_timestamp: new Date().toISOString(), type, columns, record, old_record: oldRecord, errors: null },
      }]);
      sent++;
    }
    return sent;
  }

  /** Drops every open connection, as a network failure would. */
  dropAll(): void {
    for (const socket of this.sockets) if (!socket.closed) socket.drop();
  }
}

/**
 * Set by `disconnectAll`: realtime-js may still be inside a reconnect it started before (its
 * timer fired, the new connection not made yet), which `disconnect()` does not cancel. Sockets it
 * opens afterwards never open and carry nothing, so no heartbeat keeps the test process alive.
 */
let shutDown = false;

export class FakeSocket {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSING = 2;
  static CLOSED = 3;
  readyState = 0;
  binaryType = 'arraybuffer';
  closed = false;
  onopen: ((e: unknown) => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e: { code: number; reason: string }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;

  constructor(readonly url: string, private readonly server: FakeRealtime) {
    server.sockets.push(this);
    if (shutDown) {
      this.closed = true;
      this.readyState = 3;
      return;
    }
    setTimeout(() => {
      if (this.closed) return;
      this.readyState = 1;
      this.onopen?.({});
    }, 1);
  }

  send(data: string): void {
    if (shutDown) return;
    const [joinRef, ref, topic, event, payload] = JSON.parse(data) as Frame;
    if (event === 'phx_join') {
      const config = payload.config as { postgres_changes: Array<Record<string, unknown>> };
      if (this.server.refuseJoins) {
        this.receive([joinRef, ref, topic, 'phx_reply', { status: 'error', response: { reason: 'refused by test' } }]);
        return;
      }
      this.server.joins.push({ topic, config, socket: this });
      const postgres_changes = config.postgres_changes.map((f, i) => ({ ...f, id: i + 1 }));
      this.receive([joinRef, ref, topic, 'phx_reply', { status: 'ok', response: { postgres_changes } }]);
    } else if (event === 'phx_leave' || event === 'heartbeat' || event === 'access_token') {
      this.receive([joinRef, ref, topic, 'phx_reply', { status: 'ok', response: {} }]);
    }
  }

  receive(frame: Frame): void {
    setTimeout(() => !this.closed && !shutDown && this.onmessage?.({ data: JSON.stringify(frame) }), 0);
  }

  close(code = 1000, reason = ''): void {
    if (this.closed) return;
    this.closed = true;
    this.readyState = 3;
    setTimeout(() => this.onclose?.({ code, reason }), 0);
  }

  drop(): void {
    if (this.closed) return;
    this.closed = true;
    this.readyState = 3;
    this.onerror?.(new Error('connection dropped'));
    this.onclose?.({ code: 1006, reason: 'dropped' });
  }
}

export const SUPABASE_URL = 'https://project-ref.supabase.co';
export const ANON_KEY = 'anon-key-for-tests';

const clients: Array<{ realtime: { disconnect(): unknown } }> = [];

/** Closes every stub client's Realtime socket, so no heartbeat or reconnect timer keeps the process alive. */
export async function disconnectAll(): Promise<void> {
  // realtime-js's disconnect starts a 10 s fallback timer it never clears; create it unref'd so it
  // cannot hold the test process open.
  const setTimeoutBefore = globalThis.setTimeout;
  globalThis.setTimeout = ((fn: () => void, ms?: number) => setTimeoutBefore(fn, ms).unref()) as typeof setTimeout;
  try {
    shutDown = true;
    await Promise.all(clients.splice(0).map((client) => client.realtime.disconnect()));
  } finally {
    globalThis.setTimeout = setTimeoutBefore;
  }
}

/** A real supabase-js client whose every request goes to `responder` and is recorded. */
export function stubbedSupabase(responder: Responder, realtime = new FakeRealtime()) {
  const requests: RecordedRequest[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const text = init?.body == null ? '' : String(init.body);
    const recorded: RecordedRequest = {
      url: request.url,
      method: request.method,
      headers: Object.fromEntries(request.headers),
      body: text === '' ? undefined : JSON.parse(text),
    };
    requests.push(recorded);
    if (init?.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    const response = responder(recorded, requests.length);
    if (!init?.signal) return response;
    // Let an abort during a slow response reject the fetch, as a real fetch does.
    return Promise.race([
      response,
      new Promise<Response>((_, reject) => {
        init.signal!.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')), { once: true });
      }),
    ]);
  };
  const supabase = createClient(SUPABASE_URL, ANON_KEY, {
    global: { fetch },
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: realtime.transport as never, reconnectAfterMs: () => 10, heartbeatIntervalMs: 50, disconnectOnEmptyChannelsAfterMs: 3_600_000 } as never,
  });
  clients.push(supabase as never);
  return { supabase, requests, realtime };
}
