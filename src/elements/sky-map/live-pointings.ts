/**
 * Live pointings for one sky map: the activities of the page's shared live stream (one socket per API base) that
 * have coordinates, newest first, with their telescope and site names looked up through the shared client.
 * Loaded with `import()` only by maps with the `live` attribute.
 */
import { LiveActivityStream } from '../../api/live.js';
import type { ArcClient } from '../../api/client.js';
import type { Activity } from '../../api/records.js';
import type { EnginePointing } from './sky-engine.js';

/** Pointings kept on the map. */
const MAX_POINTINGS = 20;
/** Age (minutes) at which a pointing has faded to its lowest opacity. */
const FADE_MINUTES = 180;

const time = (a: Activity): number => (a.creationDate ?? a.date)?.getTime() ?? 0;

export class LivePointings {
  private entries = new Map<number, { activity: Activity; telescope: string | null; site: string | null }>();
  private unsubscribe: (() => void) | null;

  constructor(
    api: string,
    private readonly client: ArcClient,
    private readonly onChange: () => void,
  ) {
    this.unsubscribe = LiveActivityStream.for(api).subscribe({ activity: (a) => this.add(a) });
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.entries.clear();
  }

  private add(activity: Activity) {
    if (!activity.coordinates || !this.unsubscribe) return;
    const entry = { activity, telescope: null as string | null, site: null as string | null };
    this.entries.set(activity.id, entry);
    const sorted = [...this.entries.values()].sort((a, b) => time(b.activity) - time(a.activity));
    for (const old of sorted.slice(MAX_POINTINGS)) this.entries.delete(old.activity.id);
    const named = () => this.unsubscribe && this.onChange();
    if (activity.telescopeUuid)
      this.client.telescope(activity.telescopeUuid).then((t) => ((entry.telescope = t.name), named()), () => {});
    if (activity.siteUuid) this.client.site(activity.siteUuid).then((s) => ((entry.site = s.name), named()), () => {});
    this.onChange();
  }

  /** The pointings at `now`: newest first, the newest highlighted, the others fading with age. */
  list(now: Date): EnginePointing[] {
    const sorted = [...this.entries.values()].sort((a, b) => time(b.activity) - time(a.activity));
    return sorted.map(({ activity: a, telescope, site }, i) => {
      const at = a.creationDate ?? a.date;
      const age = at ? Math.max(0, (now.getTime() - at.getTime()) / 60_000) : FADE_MINUTES;
      return {
        id: a.id,
        name: a.targetName || a.title || `#${a.id}`,
        ra: a.coordinates!.ra,
        dec: a.coordinates!.dec,
        at,
        telescope,
        site,
        newest: i === 0,
        opacity: i === 0 ? 1 : Math.max(0.35, 1 - (0.65 * age) / FADE_MINUTES),
        activity: a,
      };
    });
  }
}
