import type { ReactiveController } from 'lit';
import type { ArcElement } from '../elements/arc-element.js';
import { ArcApiError, isTransient, toArcError } from '../api/errors.js';
import { parseCoordinates, parseTarget, type ResolvedTarget } from '../api/targets.js';

export type { ResolvedTarget };

/** A target as a page author may give it through the `targets` property. */
export type TargetInput =
  | string
  | { name?: string; ra?: number | string; dec?: number | string; label?: string; color?: string; pmRa?: number; pmDec?: number };


export interface TargetEntry {
  /** Stable identity for keyed rendering: the input as given. */
  key: string;
  /** Text shown for this target (label, else resolved name, else the input). */
  label: string;
  color: string | null;
  status: 'pending' | 'ok' | 'error';
  target: ResolvedTarget | null;
  error: ArcApiError | null;
}

interface Spec {
  key: string;
  name: string | null;
  ra: string | number | null;
  dec: string | number | null;
  label: string | null;
  color: string | null;
  pmRa?: number;
  pmDec?: number;
}

/** Split the `targets` attribute: `;`-separated names or coordinates. */
function specsFromString(text: string): Spec[] {
  return text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((input) => ({ key: input, name: input, ra: null, dec: null, label: null, color: null }));
}

function specFromInput(input: TargetInput): Spec | null {
  if (typeof input === 'string') return specsFromString(input)[0] ?? null;
  if (!input || typeof input !== 'object') return null;
  const name = input.name?.trim() || null;
  const hasCoords = input.ra != null && input.dec != null;
  if (!name && !hasCoords) return null;
  return {
    key: JSON.stringify([name, input.ra ?? null, input.dec ?? null]),
    name,
    ra: input.ra ?? null,
    dec: input.dec ?? null,
    label: input.label?.trim() || null,
    color: input.color?.trim() || null,
    pmRa: input.pmRa,
    pmDec: input.pmDec,
  };
}

function specFromElement(el: Element): Spec | null {
  return specFromInput({
    name: el.getAttribute('name') ?? undefined,
    ra: el.getAttribute('ra') ?? undefined,
    dec: el.getAttribute('dec') ?? undefined,
    label: el.getAttribute('label') ?? undefined,
    color: el.getAttribute('color') ?? undefined,
  });
}

/**
 * The host's targets from its `targets` attribute or property and its `<arc-target>` children,
 * each parsed or resolved through the shared client (names via `/objects/{name}/`, cached).
 * An invalid or unknown target becomes that entry's error; the others are unaffected.
 */
export class TargetsController implements ReactiveController {
  entries: TargetEntry[] = [];
  private results = new Map<string, TargetEntry>();
  private inflight = new Map<string, AbortController>();
  private observer: MutationObserver | null = null;
  private signature = '';
  private api = '';
  private reported = new Set<string>();

  constructor(
    private readonly host: ArcElement & { targets: string | TargetInput[] | null },
    private readonly onChange?: () => void,
  ) {
    host.addController(this);
  }

  /** Entries with resolved coordinates, in order. */
  get resolved(): (TargetEntry & { target: ResolvedTarget })[] {
    return this.entries.filter((e): e is TargetEntry & { target: ResolvedTarget } => e.status === 'ok');
  }

  get pending(): boolean {
    return this.entries.some((e) => e.status === 'pending');
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => this.host.requestUpdate());
    this.observer.observe(this.host, { childList: true, subtree: true, attributes: true, attributeFilter: ['name', 'ra', 'dec', 'label', 'color'] });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
    for (const a of this.inflight.values()) a.abort();
    this.inflight.clear();
    // Entries that were still resolving must resolve again on reconnect.
    for (const [k, e] of this.results) if (e.status === 'pending') this.results.delete(k);
    this.signature = '';
  }

  /** Resolve again the targets that failed for a reason that may pass (network, server, throttling, a bad answer). */
  retry(): void {
    for (const [key, e] of this.results) {
      if (e.status === 'error' && e.error && isTransient(e.error.code)) {
        this.results.delete(key);
        this.reported.delete(key);
      }
    }
    this.signature = '';
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    const specs = this.collect();
    const signature = JSON.stringify(specs) + this.host.apiBase;
    if (signature === this.signature) return;
    this.signature = signature;
    if (this.host.apiBase !== this.api) {
      // Names resolve through the API in force: another API's answers (or pending requests) no longer apply.
      this.api = this.host.apiBase;
      for (const a of this.inflight.values()) a.abort();
      this.inflight.clear();
      this.results.clear();
      this.reported.clear();
    }
    const live = new Set(specs.map((s) => s.key));
    for (const [key, ctrl] of this.inflight) {
      if (!live.has(key)) {
        ctrl.abort();
        this.inflight.delete(key);
        this.results.delete(key);
      }
    }
    this.entries = specs.map((spec) => this.entryFor(spec));
  }

  private collect(): Spec[] {
    const t = this.host.targets;
    const specs: Spec[] = [];
    if (typeof t === 'string') specs.push(...specsFromString(t));
    else if (Array.isArray(t)) for (const i of t) { const s = specFromInput(i); if (s) specs.push(s); }
    for (const el of this.host.querySelectorAll('arc-target')) {
      const s = specFromElement(el);
      if (s) specs.push(s);
    }
    // The same target given twice is drawn once.
    const seen = new Set<string>();
    return specs.filter((s) => (seen.has(s.key) ? false : (seen.add(s.key), true)));
  }

  private entryFor(spec: Spec): TargetEntry {
    const cached = this.results.get(spec.key);
    const label = spec.label;
    if (cached) return { ...cached, label: label ?? cached.target?.name ?? cached.label, color: spec.color };

    const base = { key: spec.key, color: spec.color };
    // Coordinates given explicitly (`ra`/`dec`), or text that parses as coordinates (`83.8 -5.4`, `Orion: 05:35 -05:23`).
    let coordinates: { ra: number; dec: number; name: string } | null = null;
    let error: ArcApiError | null = null;
    if (spec.ra != null && spec.dec != null) {
      try {
        const c = parseCoordinates(`${spec.ra} ${spec.dec}`);
        coordinates = { ...c, name: spec.name ?? `${spec.ra} ${spec.dec}` };
      } catch (err) {
        error = toArcError(err);
      }
    } else {
      const parsed = parseTarget(spec.name!);
      if (parsed.kind === 'coordinates') coordinates = { ra: parsed.ra, dec: parsed.dec, name: parsed.name ?? parsed.input };
      else if (parsed.kind === 'invalid') error = parsed.error;
    }
    if (coordinates || error) {
      const entry: TargetEntry = coordinates
        ? { ...base, label: label ?? coordinates.name, status: 'ok', target: { ...coordinates, pmRa: spec.pmRa, pmDec: spec.pmDec }, error: null }
        : { ...base, label: label ?? spec.name ?? `${spec.ra} ${spec.dec}`, status: 'error', target: null, error };
      if (error) this.report(spec.key, error);
      this.results.set(spec.key, entry);
      return entry;
    }

    const name = spec.name!;
    const entry: TargetEntry = { ...base, label: label ?? name, status: 'pending', target: null, error: null };
    this.results.set(spec.key, entry);
    const abort = new AbortController();
    this.inflight.set(spec.key, abort);
    this.host.loadClient().then((client) => client.object(name, abort.signal)).then(
      (obj) => {
        if (abort.signal.aborted) return;
        if (obj.ra == null || obj.dec == null) throw new ArcApiError('invalid-response', `No coordinates for “${name}”.`);
        this.settle(spec.key, {
          status: 'ok',
          label: label ?? name,
          target: { name, ra: obj.ra, dec: obj.dec, pmRa: obj.pmRa ?? undefined, pmDec: obj.pmDec ?? undefined },
          error: null,
        });
      },
    ).catch((err) => {
      if (abort.signal.aborted) return;
      const error = toArcError(err);
      this.settle(spec.key, { status: 'error', target: null, error });
      this.report(spec.key, error);
    });
    return entry;
  }

  private settle(key: string, patch: Partial<TargetEntry>) {
    this.inflight.delete(key);
    const prev = this.results.get(key);
    if (!prev) return;
    const next = { ...prev, ...patch };
    this.results.set(key, next);
    this.entries = this.entries.map((e) => (e.key === key ? { ...next, label: e.label, color: e.color } : e));
    this.onChange?.();
    this.host.requestUpdate();
  }

  private report(key: string, error: ArcApiError) {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.host.reportError(error);
  }
}
