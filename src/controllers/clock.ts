import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * One page-wide clock: every subscriber with the same granularity is woken by one timer
 * aligned on whole seconds or minutes, so twenty widgets tick together and cost one timer.
 */
type Tick = () => void;

const groups = new Map<number, { subscribers: Set<Tick>; timer: ReturnType<typeof setTimeout> | null }>();

function schedule(granularity: number) {
  const group = groups.get(granularity);
  if (!group || group.subscribers.size === 0) return;
  const delay = granularity - (Date.now() % granularity) + 5;
  group.timer = setTimeout(() => {
    group.timer = null;
    for (const tick of [...group.subscribers]) tick();
    schedule(granularity);
  }, delay);
}

function subscribe(granularity: number, tick: Tick): () => void {
  let group = groups.get(granularity);
  if (!group) groups.set(granularity, (group = { subscribers: new Set(), timer: null }));
  group.subscribers.add(tick);
  if (!group.timer) schedule(granularity);
  return () => {
    group!.subscribers.delete(tick);
    if (group!.subscribers.size === 0 && group!.timer) {
      clearTimeout(group!.timer);
      group!.timer = null;
    }
  };
}

/** Number of live clock timers on the page (for leak checks in tests). */
export function activeClockTimers(): number {
  let n = 0;
  for (const g of groups.values()) if (g.timer) n++;
  return n;
}

export interface ClockHost extends ReactiveControllerHost {
  /** The frozen instant (`now` attribute or the provider's), or null for the real clock. */
  frozenNow(): Date | null;
}

/**
 * Gives the host the current time and re-renders it on aligned boundaries.
 * With a frozen `now` it never ticks.
 */
export class ClockController implements ReactiveController {
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly host: ClockHost,
    private readonly granularity = 60_000,
  ) {
    host.addController(this);
  }

  now(): Date {
    return this.host.frozenNow() ?? new Date();
  }

  get frozen(): boolean {
    return this.host.frozenNow() !== null;
  }

  hostConnected(): void {
    this.unsubscribe ??= subscribe(this.granularity, () => {
      if (!this.frozen) this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }
}
