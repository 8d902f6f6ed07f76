/**
 * Browser-side handle on the emulator that web-test-runner started for this run.
 * The runner injects its base URL as `window.__ARC_EMULATOR__` (see web-test-runner.config.mjs).
 * The control routes are the emulator's `/__emulator/` API (emulator/README.md).
 */
declare global {
  interface Window {
    __ARC_EMULATOR__?: string;
  }
}

export function emulatorUrl(): string {
  const url = window.__ARC_EMULATOR__;
  if (!url) throw new Error('No emulator: run the browser tests through web-test-runner (npm test).');
  return url;
}

/** One injected fault: every matching request (path prefix, or `re:<regex>` on path+query) is answered this way. */
export interface FaultSpec {
  match: string;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Answer with a body that is not valid JSON (status 200 unless `status` is given). */
  malformed?: boolean;
  /** Never answer. */
  hang?: boolean;
  /** Extra delay in milliseconds before answering; alone (no status, body, malformed or hang) it delays the normal answer. */
  latency?: number;
  /** Apply to this many matching requests, then remove itself. Default: until reset. */
  times?: number;
}

export interface EmulatorStats {
  /** Request counts keyed by path + query string exactly as received (control routes excluded). */
  requests: Record<string, number>;
  /** Request counts keyed by path only. */
  paths: Record<string, number>;
  total: number;
  sockets: { open: number; opened: number; refused: number };
}

async function call(method: string, route: string, body?: unknown): Promise<any> {
  const res = await fetch(`${emulatorUrl()}/__emulator/${route}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`emulator control ${method} ${route}: ${res.status} ${await res.text()}`);
  const text = await res.text();
  return text ? JSON.parse(text) : null;
}

export const emulator = {
  url: emulatorUrl,
  /** Clear faults, latency, counters and socket refusal; stop the feed (rate 0). */
  reset: () => call('POST', 'reset'),
  stats: (): Promise<EmulatorStats> => call('GET', 'stats'),
  fault: (spec: FaultSpec) => call('POST', 'faults', spec),
  clearFaults: () => call('DELETE', 'faults'),
  latency: (ms: number) => call('POST', 'latency', { ms }),
  dropSockets: () => call('POST', 'sockets/drop'),
  refuseSockets: (refuse: boolean) => call('POST', 'sockets/refuse', { refuse }),
  feed: (opts: { running: boolean; rate?: number }) => call('POST', 'feed', opts),
  /** Add an activity (fields override generated ones) to the REST list and broadcast it to open sockets. */
  push: (activity: Record<string, unknown> = {}, envelope: 'wrapped' | 'bare' = 'wrapped') =>
    call('POST', 'push', { activity, envelope }) as Promise<{ activity: Record<string, any> }>,
  /** Send a raw text frame to every open socket (malformed-frame tests). */
  pushRaw: (text: string) => call('POST', 'push-raw', { text }),
};
