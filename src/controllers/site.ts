import type { ReactiveController } from 'lit';
import type { ArcElement } from '../elements/arc-element.js';
import { ArcApiError, toArcError } from '../api/errors.js';
import type { ObservingSite } from '../api/records.js';
import { isValidTimeZone } from '../astro/time.js';
import type { SiteSpec } from '../context/keys.js';

export interface ResolvedSite {
  /** Display name: the site's name, or the coordinates when given directly. */
  name: string;
  uuid: string | null;
  latitude: number;
  longitude: number;
  elevation: number;
  /** IANA zone used for local times. */
  timeZone: string;
  /** Set when no zone was known and one was derived from the longitude: the offset label to state (e.g. `UTC−5`). */
  derivedOffset: string | null;
  /** The API record, when the site came from the API. */
  record: ObservingSite | null;
}

export interface SiteMessages {
  invalidLatitude: (value: unknown) => string;
  invalidLongitude: (value: unknown) => string;
  invalidElevation: (value: unknown) => string;
  invalidTimeZone: (value: unknown) => string;
  noSite: () => string;
}

/** A whole-hour zone from the longitude (Etc/GMT zones have inverted signs), with the label to show. */
export function zoneFromLongitude(longitude: number): { timeZone: string; label: string } {
  const hours = Math.max(-12, Math.min(14, Math.round(longitude / 15)));
  if (hours === 0) return { timeZone: 'UTC', label: 'UTC' };
  return {
    timeZone: `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`,
    label: `UTC${hours > 0 ? '+' : '−'}${Math.abs(hours)}`,
  };
}

function specKey(spec: SiteSpec): string {
  return JSON.stringify([spec.site, spec.latitude, spec.longitude, spec.elevation, spec.timeZone]);
}

/**
 * Resolves the host's site (own attributes or the provider's) to coordinates and a time zone:
 * by reference through the shared client's cached site list, or from coordinates given directly.
 * Invalid input and unknown sites become a typed error; the host shows it and `arc-error` fires once per change.
 */
export class SiteController implements ReactiveController {
  value: ResolvedSite | null = null;
  error: ArcApiError | null = null;
  pending = false;
  private key = '';
  private abort: AbortController | null = null;

  constructor(
    private readonly host: ArcElement,
    private readonly messages: SiteMessages,
    private readonly onChange?: () => void,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const spec = this.host.siteSpec;
    // A site given by coordinates is named by them, in the reader's number format.
    const named = spec.site ? '' : this.host.localeTag();
    const key = specKey(spec) + this.host.apiBase + (this.host.organisationInForce ?? '') + named;
    if (key === this.key) return;
    this.key = key;
    this.resolve(spec);
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.abort = null;
    this.key = '';
  }

  /** Forget the cached answer and resolve again (after an error the user can retry). */
  retry(): void {
    this.key = '';
    this.host.requestUpdate();
  }

  private settle(value: ResolvedSite | null, error: unknown) {
    this.value = value;
    this.error = error ? toArcError(error) : null;
    this.pending = false;
    if (this.error && this.error.code !== 'aborted') {
      this.host.reportError(this.error);
    }
    this.onChange?.();
    this.host.requestUpdate();
  }

  private resolve(spec: SiteSpec) {
    this.abort?.abort();
    this.abort = null;
    const m = this.messages;
    const invalid = (msg: string) => this.settle(null, new ArcApiError('invalid-input', msg));

    if (spec.elevation != null && !Number.isFinite(spec.elevation)) return invalid(m.invalidElevation(spec.elevation));
    if (spec.timeZone && !isValidTimeZone(spec.timeZone)) return invalid(m.invalidTimeZone(spec.timeZone));

    if (spec.latitude != null || spec.longitude != null) {
      const { latitude: lat, longitude: lon } = spec;
      if (lat == null || !Number.isFinite(lat) || Math.abs(lat) > 90) return invalid(m.invalidLatitude(lat ?? ''));
      if (lon == null || !Number.isFinite(lon) || Math.abs(lon) > 180) return invalid(m.invalidLongitude(lon ?? ''));
      const zone = spec.timeZone ? null : zoneFromLongitude(lon);
      const n = new Intl.NumberFormat(this.host.localeTag(), { minimumFractionDigits: 3, maximumFractionDigits: 3 });
      return this.settle(
        {
          name: spec.site || `${n.format(Math.abs(lat))}°${lat >= 0 ? 'N' : 'S'} ${n.format(Math.abs(lon))}°${lon >= 0 ? 'E' : 'W'}`,
          uuid: null,
          latitude: lat,
          longitude: lon,
          elevation: spec.elevation ?? 0,
          timeZone: spec.timeZone ?? zone!.timeZone,
          derivedOffset: zone?.label ?? null,
          record: null,
        },
        null,
      );
    }

    if (!spec.site) return invalid(m.noSite());

    const abort = (this.abort = new AbortController());
    this.pending = true;
    const query = spec.site;
    this.host.loadClient().then((client) => client.resolveSite(query, abort.signal)).then(
      (record) => {
        if (abort.signal.aborted) return;
        if (record.latitude == null || record.longitude == null) {
          return this.settle(null, new ArcApiError('invalid-response', `The site “${record.name}” has no coordinates.`));
        }
        const known = spec.timeZone || (record.timeZone && isValidTimeZone(record.timeZone) ? record.timeZone : null);
        const zone = known ? null : zoneFromLongitude(record.longitude);
        this.settle(
          {
            name: record.name,
            uuid: record.uuid,
            latitude: record.latitude,
            longitude: record.longitude,
            elevation: spec.elevation ?? record.elevation ?? 0,
            timeZone: known ?? zone!.timeZone,
            derivedOffset: zone?.label ?? null,
            record,
          },
          null,
        );
      },
      (err) => {
        if (!abort.signal.aborted) this.settle(null, err);
      },
    );
  }
}
