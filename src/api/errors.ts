/** Stable, machine-readable reasons a data-layer call failed (also the `code` of `arc-error`). */
export type ArcErrorCode =
  | 'not-found'
  | 'unauthorized'
  | 'throttled'
  | 'server'
  | 'network'
  | 'timeout'
  | 'invalid-response'
  | 'invalid-input'
  | 'aborted';

export interface ArcErrorDetails {
  status?: number;
  url?: string;
  /** Seconds the server asked us to wait (429/503 `Retry-After`). */
  retryAfter?: number;
  cause?: unknown;
}

/** The one error type of the data layer: a code to branch on and a message fit to show a reader. */
export class ArcApiError extends Error {
  code: ArcErrorCode;
  status?: number;
  url?: string;
  retryAfter?: number;
  override cause?: unknown;

  constructor(code: ArcErrorCode, message: string, details: ArcErrorDetails = {}) {
    super(message);
    this.name = 'ArcApiError';
    this.code = code;
    Object.assign(this, details);
  }
}

/** Failures that may pass by themselves (the network, the server, throttling, a garbled answer): worth a Retry. */
export const isTransient = (code: string | undefined): boolean => /^(network|timeout|server|throttled|invalid-response)$/.test(code ?? '');

/** Any thrown value as an `ArcApiError` (fetch failures, aborts, JSON errors, our own errors unchanged). */
export function toArcError(e: unknown): ArcApiError {
  if (e instanceof ArcApiError) return e;
  const name = (e as { name?: unknown } | null)?.name;
  const err = (code: ArcErrorCode, message: string) => new ArcApiError(code, message, { cause: e });
  if (name === 'AbortError') return err('aborted', 'The request was cancelled.');
  if (name === 'TimeoutError') return err('timeout', 'The server took too long to answer.');
  // fetch() rejects with a TypeError when the network, DNS or CORS fails.
  if (e instanceof TypeError) return err('network', 'Could not reach the server. Check the connection and the API address.');
  if (e instanceof SyntaxError) return err('invalid-response', 'The server answered with something that is not JSON.');
  if (e instanceof RangeError) return err('invalid-input', e.message);
  return err('invalid-response', (e instanceof Error && e.message) || String(e) || 'Unexpected error.');
}
