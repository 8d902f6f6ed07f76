import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { ArcElement } from '../arc-element.js';
import { ClockController } from '../../controllers/clock.js';
import { LocalizeController } from '../../controllers/localize.js';
import { ResizeController } from '../../controllers/resize.js';
import { SiteController } from '../../controllers/site.js';
import { TargetsController, type TargetInput } from '../../controllers/targets.js';
import { selectionContext, type SelectionSlice } from '../../context/keys.js';
import { ArcSelectEvent, type ArcSelectDetail, type SelectedTarget } from '../../events.js';
import { ArcApiError, isTransient, toArcError } from '../../api/errors.js';
import { formatDec, formatRA } from '../../api/targets.js';
import { common as commonStrings, sky as skyStrings } from '../../i18n/en.js';
import { catalogFor, matchLang } from '../../i18n/index.js';
import {
  DEFAULT_LAYERS,
  LAYER_NAMES,
  checkFov,
  normaliseSurvey,
  parseCenter,
  parseLayers,
  type LayerName,
} from './sky-input.js';
import type { EnginePointing, EngineTarget, ImageryState, SkyEngine } from './sky-engine.js';
import type { LivePointings } from './live-pointings.js';
import { styles } from './sky-map.styles.js';

/** The CDS DSS2 colour survey: the imagery layer's default. */
export const DEFAULT_SURVEY = 'https://alasky.cds.unistra.fr/DSS/DSSColor';
const numberOrNull = {
  fromAttribute: (v: string | null) => (v === null || v.trim() === '' ? null : Number(v)),
  toAttribute: (v: number | null) => (v === null ? null : String(v)),
};

const LAYER_LABEL: Record<LayerName, keyof typeof skyStrings> = {
  imagery: 'layerImagery',
  'milky-way': 'layerMilkyWay',
  grid: 'layerGrid',
  ecliptic: 'layerEcliptic',
  boundaries: 'layerBoundaries',
  constellations: 'layerConstellations',
  names: 'layerNames',
  stars: 'layerStars',
  horizon: 'layerHorizon',
  planets: 'layerPlanets',
  targets: 'layerTargets',
  live: 'layerLive',
};

interface Notice {
  key: string;
  kind: 'error' | 'warning' | 'info';
  text: string;
  /** Reported once through `arc-error` while it stands. */
  report?: ArcApiError;
  dismissible?: boolean;
  /** Shown as a Retry button (a request that failed for a reason that may pass). */
  retry?: () => void;
}

let instances = 0;

/**
 * An equatorial sky map on Leaflet: stars to magnitude 6 coloured by B−V, constellation lines, names and boundaries,
 * the Milky Way, the ecliptic, an RA/Dec grid, the Sun, Moon and planets at the map's time, optional HiPS sky
 * imagery, the site's horizon, targets and live pointings. RA grows to the left (east left, as the sky is seen).
 * Leaflet, its CSS and the star data load when the map connects; any number of maps per page.
 *
 * @summary Interactive sky map with targets, horizon, imagery and live pointings.
 * @tag arc-sky-map
 *
 * @slot - `<arc-target>` elements: targets to mark (as the `targets` attribute).
 *
 * @csspart map - The map area (Leaflet's container, keyboard-focusable).
 * @csspart toolbar - The buttons over the map's top-right corner.
 * @csspart layers - The layer control (a disclosure with one checkbox per layer).
 * @csspart readout - RA/Dec under the pointer (or of the centre) and the star there.
 * @csspart message - An error or notice over the map.
 *
 * @cssprop --arc-sky-map-height - Height of the map (default: from the aspect ratio).
 * @cssprop --arc-sky-map-aspect-ratio - Width / height of the map when no height is set (default `2 / 1`).
 * @cssprop --arc-sky-map-background - The sky's colour.
 * @cssprop --arc-sky-map-grid-color - RA/Dec grid lines.
 * @cssprop --arc-sky-map-grid-label-color - Grid labels at the map's edges.
 * @cssprop --arc-sky-map-line-color - Constellation lines.
 * @cssprop --arc-sky-map-boundary-color - Constellation boundaries.
 * @cssprop --arc-sky-map-name-color - Constellation names.
 * @cssprop --arc-sky-map-star-name-color - Names of bright stars.
 * @cssprop --arc-sky-map-ecliptic-color - The ecliptic (also the twilight tint).
 * @cssprop --arc-sky-map-milky-way-color - The Milky Way's glow.
 * @cssprop --arc-sky-map-star-color - One colour for every star; `auto` (default) colours stars by B−V.
 * @cssprop --arc-sky-map-ground-color - Shade over the sky below the horizon.
 * @cssprop --arc-sky-map-horizon-color - The horizon line, zenith and cardinal points.
 * @cssprop --arc-sky-map-meridian-color - The meridian.
 * @cssprop --arc-sky-map-target-color - Target markers (a target's own `color` wins).
 * @cssprop --arc-sky-map-live-color - Live pointing markers.
 * @cssprop --arc-sky-map-selection-color - The ring around the shared selection.
 *
 * @fires arc-select - A target or live pointing was activated: `detail.target = {name, ra, dec}`, `detail.source = 'arc-sky-map'` (and `detail.activity` for a pointing).
 * @fires arc-load - The sky was first drawn: `detail = {stars, timings}`.
 * @fires arc-error - The map, a target, the site, `center`, `fov`, `layers` or `survey` could not be used; the message is shown too.
 */
export class ArcSkyMap extends ArcElement {
  static override styles = styles;

  /** Centre of the view: `"ra dec"` (degrees, or sexagesimal `05:35:17 -05:23:28`), an object name resolved through the API, or `zenith` (the site's zenith at the map's time). Default: the whole sky. */
  @property() center: string | null = null;
  /** Field of view across the map's width, in degrees (1/60 to 360). Default: the whole sky. */
  @property({ converter: numberOrNull }) fov: number | null = null;
  /** HiPS survey base URL for the imagery layer (default the CDS DSS2 colour survey). Setting it turns imagery on. */
  @property() survey: string | null = null;
  /** Layers shown, separated by spaces or commas: `imagery milky-way grid ecliptic boundaries constellations names stars horizon planets targets live`. Default: all but imagery (imagery too when `survey` is set). */
  @property() layers: string | null = null;
  /** Targets: `;`-separated names or coordinates (`M42; 83.82 -5.39`), or (as a property) an array of names or `{name, ra, dec, label, color}`. `<arc-target>` children are added. */
  @property() targets: string | TargetInput[] | null = null;
  /** Show live pointings: the activities of the API's live stream (one socket per API base per page), fading with age. */
  @property({ type: Boolean }) live = false;

  @consume({ context: selectionContext, subscribe: true })
  @state()
  protected selectionSlice?: SelectionSlice;

  @state() private engineState: 'idle' | 'loading' | 'ready' | 'failed' = 'idle';
  @state() private engineError: ArcApiError | null = null;
  @state() private imagery: ImageryState = { state: 'off' };
  /** Layer toggles made in the layer control, over the `layers` attribute. */
  @state() private toggled = new Map<LayerName, boolean>();
  @state() private pointings: EnginePointing[] = [];
  @state() private centerError: ArcApiError | null = null;
  @state() private dismissed = new Set<string>();

  @query('.map') private mapBox!: HTMLElement;
  @query('.readout') private readoutBox!: HTMLElement;

  private readonly strings = new LocalizeController(this, 'sky', skyStrings);
  private readonly commonStrings = new LocalizeController(this, 'common', commonStrings);
  private readonly clock = new ClockController(this, 60_000);
  private readonly resize = new ResizeController(this, { medium: 420, wide: 760 });
  private readonly targetsCtl = new TargetsController(this, () => this.requestUpdate());
  private siteCtl: SiteController | null = null;

  private engine: SkyEngine | null = null;
  private engineLoad: Promise<void> | null = null;
  private generation = 0;
  private readyResolvers: (() => void)[] = [];
  private centerAbort: AbortController | null = null;
  private centerKey = '';
  private livePointings: LivePointings | null = null;
  private liveKey = '';
  private reported = new Set<string>();
  private lastSelection: SelectedTarget | null = null;
  private lastMinute = -1;
  private lastPaletteKey = '';
  private lastLangKey = '';
  private lastSize = '';
  private loadReported = false;
  private readonly uid = `arc-sky-map-${++instances}`;

  // ————————————————————————————————————————————— public API

  /** The Leaflet map once loaded (null before and after disconnection), for advanced use. */
  get leafletMap(): import('leaflet').Map | null {
    return this.engine?.map ?? null;
  }

  /** Resolves when the map and its data are loaded and the sky has been drawn. */
  get ready(): Promise<void> {
    if (this.engineState === 'ready' && this.engine?.timings.firstRenderMs != null) return Promise.resolve();
    return new Promise((resolve) => this.readyResolvers.push(resolve));
  }

  /** Timings measured while loading (ms): import of Leaflet and data, decoding, first full paint. */
  get timings(): SkyEngine['timings'] | null {
    return this.engine?.timings ?? null;
  }

  /** Container pixel (relative to the map's top-left) of an RA/Dec in degrees, or null before the map has loaded. */
  project(ra: number, dec: number): { x: number; y: number } | null {
    return this.engine?.project(ra, dec) ?? null;
  }

  /** RA/Dec (degrees) at a container pixel, or null before the map has loaded. */
  unproject(x: number, y: number): { ra: number; dec: number } | null {
    return this.engine?.unproject(x, y) ?? null;
  }

  /** Centre the map on `ra`/`dec` (degrees), optionally with a new field of view (degrees across). */
  goTo(ra: number, dec: number, fov?: number): void {
    if (!Number.isFinite(ra) || !Number.isFinite(dec) || Math.abs(dec) > 90) throw new RangeError(`Invalid position ${ra}, ${dec}.`);
    this.engine?.setView(((ra % 360) + 360) % 360, dec, fov ?? null, true);
  }

  /** The view now shown: centre and field of view, or null before the map has loaded. */
  get currentView(): { ra: number; dec: number; fov: number } | null {
    return this.engine?.view() ?? null;
  }

  /** Layers in force (attribute, then the user's toggles). */
  get activeLayers(): LayerName[] {
    return LAYER_NAMES.filter((n) => this.layerSet().has(n));
  }

  // ————————————————————————————————————————————— lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    // A map re-attached after disconnection loads again (its Leaflet map was removed).
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.generation++;
    this.engine?.destroy();
    this.engine = null;
    this.engineLoad = null;
    this.engineState = 'idle';
    this.centerAbort?.abort();
    this.centerAbort = null;
    this.centerKey = '';
    this.livePointings?.stop();
    this.livePointings = null;
    this.liveKey = '';
    this.lastMinute = -1;
    this.lastPaletteKey = '';
    this.lastLangKey = '';
    this.lastSize = '';
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.syncSiteController();
    if (this.getAttribute('data-size') !== this.resize.size) this.setAttribute('data-size', this.resize.size);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.isConnected) return;
    this.reportNotices();
    this.syncLive();
    if (!this.engine) {
      if (!this.engineLoad) this.startEngine();
      return;
    }
    this.syncEngine(changed);
  }

  // ————————————————————————————————————————————— site (optional for a sky map)

  private syncSiteController() {
    const spec = this.siteSpec;
    const given = !!spec.site || spec.latitude != null || spec.longitude != null;
    if (given && !this.siteCtl) {
      const c = this.commonStrings;
      this.siteCtl = new SiteController(
        this,
        {
          invalidLatitude: (value) => c.t('invalidLatitude', { value }),
          invalidLongitude: (value) => c.t('invalidLongitude', { value }),
          invalidElevation: (value) => c.t('invalidElevation', { value }),
          invalidTimeZone: (value) => c.t('invalidTimeZone', { value }),
          noSite: () => c.t('noSite'),
        },
        () => this.requestUpdate(),
      );
    } else if (!given && this.siteCtl) {
      this.siteCtl.hostDisconnected();
      this.removeController(this.siteCtl);
      this.siteCtl = null;
    }
  }

  // ————————————————————————————————————————————— layers, view input

  private layerSet(): Set<LayerName> {
    let base: Set<LayerName>;
    if (this.layers != null && this.layers.trim()) base = parseLayers(this.layers).layers;
    else {
      base = new Set(DEFAULT_LAYERS);
      if (this.survey) base.add('imagery');
    }
    for (const [name, on] of this.toggled) {
      if (on) base.add(name);
      else base.delete(name);
    }
    return base;
  }

  private surveyInForce(): { url: string | null; error: ArcApiError | null } {
    if (this.survey == null) return { url: DEFAULT_SURVEY, error: null };
    const r = normaliseSurvey(this.survey);
    if ('error' in r) return { url: null, error: new ArcApiError('invalid-input', this.strings.t('invalidSurvey', { value: this.survey, reason: r.error.message })) };
    return { url: r.url, error: null };
  }

  /** Parsed `center` (coordinates now, a name to resolve, or an error). */
  private centerSpec(): ReturnType<typeof parseCenter> | { kind: 'error'; error: ArcApiError } | null {
    if (this.center == null || !this.center.trim()) return null;
    try {
      return parseCenter(this.center);
    } catch (err) {
      return { kind: 'error', error: new ArcApiError('invalid-input', this.strings.t('invalidCenter', { value: this.center, reason: toArcError(err).message })) };
    }
  }

  private fovInForce(): number | null {
    return this.fov != null && !checkFov(this.fov) ? this.fov : null;
  }

  // ————————————————————————————————————————————— engine

  private startEngine() {
    const mapBox = this.mapBox;
    if (!mapBox || !this.shadowRoot) return;
    const generation = this.generation;
    this.engineState = 'loading';
    const center = this.centerSpec();
    const view = center?.kind === 'coordinates' ? { ra: center.ra, dec: center.dec, fov: this.fovInForce() } : this.fovInForce() ? { ra: 180, dec: 0, fov: this.fovInForce() } : null;
    this.engineLoad = import('./sky-engine.js')
      .then(({ createSkyEngine }) =>
        createSkyEngine({
          container: mapBox,
          styleRoot: this.shadowRoot!,
          layers: this.layerSet(),
          t: (key, vars) => this.strings.t(key, vars),
          locale: this.strings.locale,
          nameLang: this.nameLang(),
          view,
          reducedMotion: typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches,
          callbacks: {
            pointer: (p) => this.showReadout(p),
            moved: () => {
              this.showReadout(null);
            },
            select: (detail) => this.select(detail),
            imagery: (s) => {
              this.imagery = s;
              if (s.state === 'failed') this.dismissed.delete('imagery');
            },
            rendered: () => this.onRendered(),
          },
        }),
      )
      .then(
        (engine) => {
          if (generation !== this.generation || !this.isConnected) {
            engine.destroy();
            return;
          }
          this.engine = engine;
          this.engineState = 'ready';
          this.engineError = null;
          this.lastMinute = -1;
          // A new engine (also after a re-attach) has no targets, site or selection yet, whatever the last one had.
          this.engineTargetsKey = '';
          this.engineSiteKey = '';
          this.lastSelection = null;
          this.lastPaletteKey = this.paletteKey();
          this.lastLangKey = '';
          this.lastSize = `${this.resize.width}x${this.resize.height}`;
          this.syncEngine(new Map([['center', this.center]]) as PropertyValues);
          this.showReadout(null);
        },
        (err) => {
          if (generation !== this.generation) return;
          this.engineLoad = null;
          this.engineState = 'failed';
          this.engineError = new ArcApiError('invalid-response', this.strings.t('loadFailed', { message: toArcError(err).message }), { cause: err });
        },
      );
  }

  private onRendered() {
    const engine = this.engine;
    for (const r of this.readyResolvers.splice(0)) r();
    if (!this.loadReported && engine) {
      this.loadReported = true;
      this.reportLoad({ stars: engine.starCount, timings: { ...engine.timings } });
    }
  }

  /** Push everything the engine shows from the element's state; cheap when nothing changed. */
  private syncEngine(changed: PropertyValues) {
    const engine = this.engine!;
    engine.setLayers(this.layerSet());
    engine.setSurvey(this.surveyInForce().url);

    const size = `${this.resize.width}x${this.resize.height}`;
    if (size !== this.lastSize) {
      this.lastSize = size;
      engine.invalidateSize();
    }
    const paletteKey = this.paletteKey();
    if (paletteKey !== this.lastPaletteKey) {
      this.lastPaletteKey = paletteKey;
      engine.refreshPalette();
    }
    // The key changes again when a translation finishes loading, so text painted into tiles is repainted.
    const lang = this.strings.lang;
    const langKey = `${this.strings.locale}:${lang === 'en' || catalogFor(lang) ? 'ready' : 'loading'}`;
    if (langKey !== this.lastLangKey) {
      this.lastLangKey = langKey;
      engine.setLanguage((key, vars) => this.strings.t(key, vars), this.strings.locale, this.nameLang());
    }

    const site = this.siteCtl?.value ?? null;
    const siteKey = site ? `${site.latitude},${site.longitude},${site.elevation},${site.timeZone}` : '';
    const now = this.clock.now();
    const minute = Math.floor(now.getTime() / 60_000);
    if (minute !== this.lastMinute || siteKey !== this.engineSiteKey) {
      this.lastMinute = minute;
      this.engineSiteKey = siteKey;
      engine.setSite(site ? { name: site.name, latitude: site.latitude, longitude: site.longitude, elevation: site.elevation, timeZone: site.timeZone } : null);
      engine.setTime(now);
      this.pointings = this.livePointings?.list(now) ?? [];
      engine.setPointings(this.pointings);
    }

    const targets = this.engineTargets();
    const targetsKey = JSON.stringify(targets);
    if (targetsKey !== this.engineTargetsKey) {
      this.engineTargetsKey = targetsKey;
      engine.setTargets(targets);
    }

    if (changed.has('center') || changed.has('fov') || this.centerSpec()?.kind === 'zenith') this.applyView();

    const selected = this.selectionSlice?.selection.target ?? null;
    if (selected !== this.lastSelection) {
      this.lastSelection = selected;
      engine.setSelection(selected, true);
    }
  }

  private engineSiteKey = '';
  private engineTargetsKey = '';

  /** Apply `center`/`fov` (resolving a name through the API) unless they are invalid. */
  private applyView() {
    const engine = this.engine;
    if (!engine) return;
    const spec = this.centerSpec();
    const fov = this.fovInForce();
    // The zenith moves with the site (and is only known once the site has resolved).
    const key = `${this.center}|${this.fov}|${spec?.kind === 'zenith' ? this.engineSiteKey : ''}`;
    if (key === this.centerKey) return;
    this.centerKey = key;
    this.centerAbort?.abort();
    this.centerAbort = null;
    this.centerError = null;
    if (!spec || spec.kind === 'error') {
      if (fov) engine.setView(engine.view().ra, engine.view().dec, fov);
      else if (!spec && this.fov == null) engine.showWholeSky();
      return;
    }
    if (spec.kind === 'coordinates') {
      engine.setView(spec.ra, spec.dec, fov);
      return;
    }
    if (spec.kind === 'zenith') {
      const zenith = engine.zenithNow();
      if (zenith) engine.setView(zenith.ra, zenith.dec, fov);
      else if (!this.siteCtl?.pending) this.centerError = new ArcApiError('invalid-input', this.strings.t('zenithNeedsSite'));
      return;
    }
    const abort = (this.centerAbort = new AbortController());
    this.loadClient().then((client) => client.object(spec.name, abort.signal)).then(
      (obj) => {
        if (abort.signal.aborted || !this.engine) return;
        if (obj.ra == null || obj.dec == null) throw new ArcApiError('invalid-response', `No coordinates for “${spec.name}”.`);
        this.engine.setView(obj.ra, obj.dec, fov);
      },
    ).catch((err) => {
      if (abort.signal.aborted) return;
      const e = toArcError(err);
      this.centerError = new ArcApiError(e.code, this.strings.t('centerNotFound', { value: spec.name, reason: e.message }));
    });
  }

  private engineTargets(): EngineTarget[] {
    return this.targetsCtl.resolved.map((e) => ({
      key: e.key,
      label: e.label,
      color: e.color,
      ra: e.target.ra,
      dec: e.target.dec,
      pmRa: e.target.pmRa,
      pmDec: e.target.pmDec,
    }));
  }

  private select(detail: ArcSelectDetail) {
    this.dispatchEvent(new ArcSelectEvent(detail));
  }

  private nameLang(): 'la' | 'fr' | 'es' | 'de' | 'zh' {
    const lang = matchLang(this.strings.locale);
    return lang && lang !== 'en' ? lang : 'la';
  }

  private paletteKey(): string {
    const dark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
    return `${this.themeInForce}|${dark}|${this.getAttribute('style') ?? ''}`;
  }

  private showReadout(p: { ra: number; dec: number; star: string | null } | null) {
    const box = this.readoutBox;
    if (!box) return;
    if (p) {
      const text = this.strings.t('readoutPointer', { ra: formatRA(p.ra, 0), dec: formatDec(p.dec) });
      box.textContent = p.star ? `${text} · ${p.star}` : text;
      return;
    }
    const view = this.engine?.view();
    if (!view) {
      box.textContent = '';
      return;
    }
    const nf = new Intl.NumberFormat(this.strings.locale, { maximumFractionDigits: view.fov < 1 ? 2 : view.fov < 10 ? 1 : 0 });
    const fov = view.fov >= 1 ? `${nf.format(view.fov)}°` : `${nf.format(view.fov * 60)}′`;
    box.textContent = this.strings.t('readoutView', { ra: formatRA(view.ra, 0), dec: formatDec(view.dec), fov });
  }

  // ————————————————————————————————————————————— live pointings

  private syncLive() {
    const want = this.live && this.layerSet().has('live');
    const key = want ? this.apiBase : '';
    if (key === this.liveKey) return;
    this.liveKey = key;
    this.livePointings?.stop();
    this.livePointings = null;
    this.pointings = [];
    this.engine?.setPointings([]);
    if (!want) return;
    const generation = this.generation;
    Promise.all([import('./live-pointings.js'), this.loadClient()]).then(([{ LivePointings }, client]) => {
      if (generation !== this.generation || this.liveKey !== key) return;
      this.livePointings = new LivePointings(key, client, () => this.refreshPointings());
    });
  }

  private refreshPointings() {
    this.pointings = this.livePointings?.list(this.clock.now()) ?? [];
    this.engine?.setPointings(this.pointings);
  }

  // ————————————————————————————————————————————— notices

  private notices(): Notice[] {
    const s = this.strings;
    const out: Notice[] = [];
    if (this.engineError) out.push({ key: 'engine', kind: 'error', text: this.engineError.message, report: this.engineError });
    const center = this.centerSpec();
    if (center?.kind === 'error') out.push({ key: `center:${this.center}`, kind: 'error', text: center.error.message, report: center.error });
    if (this.centerError) out.push({ key: `center-name:${this.center}`, kind: 'error', text: this.centerError.message, report: this.centerError });
    const fovError = checkFov(this.fov);
    if (fovError) {
      const text = s.t('invalidFov', { value: this.getAttribute('fov') ?? String(this.fov) });
      out.push({ key: `fov:${this.fov}`, kind: 'error', text, report: new ArcApiError('invalid-input', text) });
    }
    const survey = this.surveyInForce();
    if (survey.error) out.push({ key: `survey:${this.survey}`, kind: 'error', text: survey.error.message, report: survey.error });
    if (this.layers) {
      const { unknown } = parseLayers(this.layers);
      if (unknown.length) {
        const text = s.t('unknownLayers', { names: unknown.join(', '), known: LAYER_NAMES.join(', ') });
        out.push({ key: `layers:${unknown.join(',')}`, kind: 'warning', text, report: new ArcApiError('invalid-input', text) });
      }
    }
    const site = this.siteCtl;
    if (site?.error) {
      const spec = this.siteSpec;
      const text = site.error.code === 'not-found' && spec.site ? this.commonStrings.t('siteNotFound', { site: spec.site }) : site.error.message;
      out.push({ key: `site:${text}`, kind: 'error', text, retry: isTransient(site.error.code) ? () => this.retryFailed() : undefined });
    }
    if (this.nowInForce && !this.frozenNow()) {
      const text = this.commonStrings.t('invalidNow', { value: this.nowInForce });
      out.push({ key: `now:${this.nowInForce}`, kind: 'warning', text, report: new ArcApiError('invalid-input', text) });
    }
    for (const e of this.targetsCtl.entries) {
      if (e.status === 'error' && e.error) {
        const retry = isTransient(e.error.code) ? () => this.retryFailed() : undefined;
        out.push({ key: `target:${e.key}`, kind: 'warning', text: `${e.label}: ${e.error.message}`, dismissible: true, retry });
      }
    }
    if (this.imagery.state === 'failed' && this.layerSet().has('imagery')) {
      const text = s.t('imageryFailed', { reason: this.imagery.reason ?? '' }).trim();
      out.push({ key: 'imagery', kind: 'warning', text, report: new ArcApiError(this.imagery.error?.code ?? 'network', text), dismissible: true });
    }
    return out.filter((n) => !this.dismissed.has(n.key));
  }

  private reportNotices() {
    const notices = this.notices();
    for (const n of notices) {
      if (n.report && !this.reported.has(n.key)) {
        this.reported.add(n.key);
        this.reportError(n.report);
      }
    }
    for (const key of this.reported) if (!notices.some((n) => n.key === key) && !this.dismissed.has(key)) this.reported.delete(key);
  }

  /** Ask again for what failed for a reason that may pass: the site and the targets. */
  private retryFailed() {
    this.siteCtl?.retry();
    this.targetsCtl.retry();
  }

  private dismiss(key: string) {
    this.dismissed = new Set(this.dismissed).add(key);
  }

  private toggleLayer(name: LayerName, on: boolean) {
    const next = new Map(this.toggled);
    next.set(name, on);
    this.toggled = next;
  }

  // ————————————————————————————————————————————— render

  protected override render() {
    const s = this.strings;
    const layers = this.layerSet();
    const notices = this.notices();
    const helpId = `${this.uid}-help`;
    return html`
      <div class="frame">
        <div class="map" part="map" role="application" aria-label=${s.t('mapLabel')} aria-describedby=${helpId}></div>
        ${this.engineState === 'loading' ? html`<div class="loading" role="status">${s.t('loading')}</div>` : nothing}
        <div class="toolbar" part="toolbar">
          <button type="button" @click=${this.onWholeSky} ?disabled=${!this.engine}>${s.t('wholeSky')}</button>
          <details class="layers" part="layers">
            <summary>${s.t('layers')}</summary>
            <fieldset>
              <legend>${s.t('layers')}</legend>
              ${LAYER_NAMES.map(
                (name) => html`<label data-layer=${name}>
                  <input type="checkbox" name=${name} .checked=${layers.has(name)} @change=${(e: Event) => this.toggleLayer(name, (e.target as HTMLInputElement).checked)} />
                  ${s.t(LAYER_LABEL[name])}
                </label>`,
              )}
            </fieldset>
          </details>
        </div>
        <div class="readout" part="readout" aria-hidden="true"></div>
        <div class="messages">
          ${notices.map(
            (n) => html`<div class="arc-message" part="message" data-kind=${n.kind} data-key=${n.key} role=${n.kind === 'error' ? 'alert' : 'status'}>
              <span>${n.text}</span>
              ${n.retry ? html`<button type="button" @click=${n.retry}>${this.commonStrings.t('retry')}</button>` : nothing}
              ${n.dismissible ? html`<button type="button" @click=${() => this.dismiss(n.key)}>${s.t('dismiss')}</button>` : nothing}
            </div>`,
          )}
          ${this.imagery.state === 'loading' && layers.has('imagery')
            ? html`<div class="arc-message" part="message" data-kind="info" role="status">${s.t('imageryLoading')}</div>`
            : nothing}
        </div>
      </div>
      <div class="visually-hidden">
        <p id=${helpId}>${s.t('mapHelp')}</p>
        ${this.renderLists()}
      </div>
      <slot></slot>
    `;
  }

  private renderLists() {
    const s = this.strings;
    const nf = (n: number, d: number) => new Intl.NumberFormat(s.locale, { minimumFractionDigits: d, maximumFractionDigits: d }).format(n);
    const position = (ra: number, dec: number) => s.t('listPosition', { ra: formatRA(ra, 0), dec: formatDec(dec) });
    const altitude = (target: { ra: number; dec: number; pmRa?: number; pmDec?: number }) => {
      const a = this.engine?.altitudeOf(target);
      if (!a) return '';
      return a.altitude > 0
        ? `; ${s.t('listAltitude', { altitude: nf(a.altitude, 1), airmass: nf(a.airmass, 2) })}`
        : `; ${s.t('listBelow', { altitude: nf(a.altitude, 1) })}`;
    };
    const entries = this.targetsCtl.entries;
    const bodies = this.layerSet().has('planets') ? (this.engine?.bodyList() ?? []) : [];
    return html`
      <ul aria-label=${s.t('targetsHeading')} class="target-list">
        ${entries.length === 0 ? html`<li>${s.t('noTargets')}</li>` : nothing}
        ${entries.map((e) =>
          e.status === 'ok' && e.target
            ? html`<li data-key=${e.key}>${e.label}: ${position(e.target.ra, e.target.dec)}${altitude(e.target)}</li>`
            : e.status === 'pending'
              ? html`<li data-key=${e.key}>${e.label}: ${s.t('targetPending')}</li>`
              : html`<li data-key=${e.key}>${e.label}: ${e.error?.message ?? ''}</li>`,
        )}
      </ul>
      ${this.live
        ? html`<ul aria-label=${s.t('pointingsHeading')} aria-live="polite" class="pointing-list">
            ${this.pointings.length === 0 ? html`<li>${s.t('noPointings')}</li>` : nothing}
            ${this.pointings.map(
              (p) => html`<li data-activity=${p.id}>
                ${p.name}${p.newest ? ` (${s.t('newest')})` : ''}: ${position(p.ra, p.dec)}${altitude(p)}${p.telescope ? `; ${s.t('telescope')} ${p.telescope}` : ''}${p.site
                  ? `; ${s.t('siteTerm')} ${p.site}`
                  : ''}
              </li>`,
            )}
          </ul>`
        : nothing}
      ${bodies.length
        ? html`<ul aria-label=${s.t('bodiesHeading')} class="body-list">
            ${bodies.map(
              (b) => html`<li>
                ${s.t(b.key)}: ${position(b.ra, b.dec)}${b.altitude == null
                  ? ''
                  : b.altitude > 0
                    ? `; ${s.t('altitudeTerm')} ${nf(b.altitude, 1)}°`
                    : `; ${s.t('listBelow', { altitude: nf(b.altitude, 1) })}`}
              </li>`,
            )}
          </ul>`
        : nothing}
    `;
  }

  private onWholeSky = () => {
    this.engine?.showWholeSky();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'arc-sky-map': ArcSkyMap;
  }
}
