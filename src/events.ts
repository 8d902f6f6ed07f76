/**
 * Typed events fired by every arc-* element. All bubble and cross shadow roots (`composed`),
 * so a page can listen on `document` for any widget.
 */

/** A target as events and the shared selection carry it: a name and ICRS J2000 coordinates in degrees. */
export interface SelectedTarget {
  name: string;
  ra: number;
  dec: number;
}

export interface ArcErrorDetail {
  /** Stable machine-readable code: not-found, unauthorized, throttled, server, network, timeout, invalid-response, invalid-input. */
  code: string;
  /** Human-readable message, the same text the element shows. */
  message: string;
  cause?: unknown;
}

export interface ArcSelectDetail {
  target: SelectedTarget;
  /** Tag name of the element the selection came from, or a more precise origin such as `activity`. */
  source: string;
  /** Extra context, e.g. the activity record when a ticker item is selected. */
  [extra: string]: unknown;
}

const init = { bubbles: true, composed: true } as const;

export class ArcErrorEvent extends CustomEvent<ArcErrorDetail> {
  constructor(detail: ArcErrorDetail) {
    super('arc-error', { ...init, detail });
  }
}

export class ArcLoadEvent extends CustomEvent<Record<string, unknown>> {
  constructor(detail: Record<string, unknown> = {}) {
    super('arc-load', { ...init, detail });
  }
}

export class ArcSelectEvent extends CustomEvent<ArcSelectDetail> {
  constructor(detail: ArcSelectDetail) {
    super('arc-select', { ...init, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    'arc-error': ArcErrorEvent;
    'arc-load': ArcLoadEvent;
    'arc-select': ArcSelectEvent;
  }
}

/** `arc-activity`: a new activity reached a ticker (live or by re-sync). `detail.activity` is the parsed record. */
export class ArcActivityEvent<A = unknown> extends CustomEvent<{ activity: A }> {
  constructor(activity: A) {
    super('arc-activity', { ...init, detail: { activity } });
  }
}

export interface ArcStatusDetail {
  /** `connecting`, `live`, `polling`, `offline` (the live stream's state), plus `paused` or `stale` as the element shows them. */
  state: string;
  lastMessageAt: number | null;
  retryAt: number | null;
}

/** `arc-status`: the live connection state an element shows changed. */
export class ArcStatusEvent extends CustomEvent<ArcStatusDetail> {
  constructor(detail: ArcStatusDetail) {
    super('arc-status', { ...init, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    'arc-activity': ArcActivityEvent;
    'arc-status': ArcStatusEvent;
  }
}
