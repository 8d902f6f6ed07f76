/**
 * The sky map's Leaflet side, loaded with `import()` when a map connects (with Leaflet, its CSS and the star data):
 * the map on `L.CRS.Simple`, the cached canvas layers (static sky, imagery, horizon), the few live objects
 * (Sun/Moon/planets, targets, live pointings, the selection), the pointer readout and the grid labels.
 * One engine per element; `destroy()` removes the map and every listener it added.
 */
import type * as Leaflet from 'leaflet';
import type { ArcSelectDetail } from '../../events.js';
import type { ArcApiError } from '../../api/errors.js';
import { formatDec, formatRA } from '../../api/targets.js';
import { airmass } from '../../astro/airmass.js';
import { horizontal } from '../../astro/positions.js';
import type * as en from '../../i18n/en.js';
import { bodyPositions, zenithJ2000, type BodyKey, type BodyPosition } from './bodies.js';
import { decodeCatalog, starLabel, starNear, type SkyCatalog } from './sky-catalog.js';
import { drawSkyTile, milkyWayImage, type SkyPalette, type TileView } from './sky-canvas.js';
import { gridSteps, lngOf, raOf, wrapNear, zoomForFov, type LayerName } from './sky-geometry.js';
import { HipsSource, loadSurvey } from './hips-source.js';
import { engineCss } from './sky-engine.styles.js';
import type { HipsSurvey } from './healpix.js';

type L = typeof Leaflet;
type SkyKey = keyof typeof en.sky;
export type Translate = (key: SkyKey, vars?: Record<string, unknown>) => string;

export interface EngineSite {
  name: string;
  latitude: number;
  longitude: number;
  elevation: number;
  timeZone: string;
}

export interface EngineTarget {
  key: string;
  label: string;
  color: string | null;
  ra: number;
  dec: number;
  pmRa?: number;
  pmDec?: number;
}

export interface EnginePointing {
  id: number;
  name: string;
  ra: number;
  dec: number;
  at: Date | null;
  telescope: string | null;
  site: string | null;
  /** 1 for the newest, fading towards 0.35 with age. */
  opacity: number;
  newest: boolean;
  activity: unknown;
}

export interface ImageryState {
  state: 'off' | 'loading' | 'ok' | 'failed';
  /** Why imagery failed, for the notice. */
  reason?: string;
  error?: ArcApiError;
}

export interface EngineCallbacks {
  /** Pointer over the map (null when it leaves): position and the star under it. */
  pointer(info: { ra: number; dec: number; star: string | null } | null): void;
  /** The view changed (after a pan or zoom): centre and field of view across the width. */
  moved(view: { ra: number; dec: number; fov: number }): void;
  /** The user activated a target or a pointing. */
  select(detail: ArcSelectDetail): void;
  imagery(state: ImageryState): void;
  /** The static sky finished its first full paint. */
  rendered(): void;
}

export interface EngineInit {
  container: HTMLElement;
  /** Shadow root that receives Leaflet's stylesheet. */
  styleRoot: ShadowRoot;
  layers: ReadonlySet<LayerName>;
  t: Translate;
  locale: string;
  nameLang: 'la' | 'fr' | 'es' | 'de' | 'zh';
  view: { ra: number; dec: number; fov: number | null } | null;
  reducedMotion: boolean;
  callbacks: EngineCallbacks;
}

/** Milliseconds measured by the engine (for the bench): Leaflet and data import, decode, first full paint. */
export interface EngineTimings {
  importMs: number;
  decodeMs: number;
  firstRenderMs: number | null;
}

let engineSheets: CSSStyleSheet[] | null = null;

/** Leaflet's stylesheet and the engine's own, once per page, adopted before the element's sheets so its rules win. */
function adoptEngineCss(root: ShadowRoot, leafletCss: string) {
  if (root.querySelector('style[data-sky-engine]') || (engineSheets && root.adoptedStyleSheets?.includes(engineSheets[0]))) return;
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!engineSheets) {
      engineSheets = [leafletCss, engineCss].map((text) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(text);
        return sheet;
      });
    }
    root.adoptedStyleSheets = [...engineSheets, ...root.adoptedStyleSheets];
  } else {
    const style = document.createElement('style');
    style.dataset.skyEngine = '';
    style.textContent = leafletCss + engineCss;
    root.prepend(style);
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Create the engine: loads Leaflet, its CSS and the sky data in parallel, then builds the map. */
export async function createSkyEngine(init: EngineInit): Promise<SkyEngine> {
  const started = performance.now();
  const [L, data, css] = await Promise.all([
    import('leaflet/dist/leaflet-src.esm.js') as Promise<L>,
    import('../../generated/sky-data.js'),
    import('../../generated/leaflet-css.js').then((m) => m.default),
  ]);
  const imported = performance.now();
  const catalog = decodeCatalog(data);
  const decoded = performance.now();
  adoptEngineCss(init.styleRoot, css);
  return new SkyEngine(L, catalog, init, { importMs: imported - started, decodeMs: decoded - imported, firstRenderMs: null });
}

interface TrackedTile {
  canvas: HTMLCanvasElement;
  coords: Leaflet.Coords;
}

export class SkyEngine {
  readonly map: Leaflet.Map;
  readonly timings: EngineTimings;
  private readonly L: L;
  private readonly catalog: SkyCatalog;
  private readonly init: EngineInit;
  private palette: SkyPalette;
  private layers: Set<LayerName>;
  private t: Translate;
  private locale: string;
  private nameLang: EngineInit['nameLang'];
  private milkyWay: HTMLCanvasElement | null = null;
  private skyLayer: Leaflet.GridLayer;
  private horizonLayer: Leaflet.GridLayer | null = null;
  private horizonTiles = new Map<string, TrackedTile>();
  private imageryLayer: Leaflet.GridLayer | null = null;
  private imageryAbort: AbortController | null = null;
  private surveyUrl: string | null = null;
  private imageryState: ImageryState = { state: 'off' };
  private bodyLayer: Leaflet.LayerGroup;
  private targetLayer: Leaflet.LayerGroup;
  private liveLayer: Leaflet.LayerGroup;
  private selectionLayer: Leaflet.LayerGroup;
  private markers: { marker: Leaflet.Marker; lng: number }[] = [];
  private targets: EngineTarget[] = [];
  private pointings: EnginePointing[] = [];
  private selection: { name: string; ra: number; dec: number } | null = null;
  private site: EngineSite | null = null;
  private time = new Date();
  private zenith: { ra: number; dec: number } | null = null;
  private sunAltitude: number | null = null;
  private cardinals: { label: string; ra: number; dec: number }[] = [];
  private bodies: BodyPosition[] = [];
  private popupSource: HTMLElement | null = null;
  private popupRefresh: (() => void) | null = null;
  private frame = 0;
  private pointerFrame = 0;
  private lastPointer: Leaflet.LatLng | null = null;
  private destroyed = false;
  /** The grid's edge labels: one canvas the size of the view, in a pane above the tiles and below the markers. */
  private labelCanvas: HTMLCanvasElement;
  private removeListeners: (() => void)[] = [];

  constructor(L: L, catalog: SkyCatalog, init: EngineInit, timings: EngineTimings) {
    this.L = L;
    this.catalog = catalog;
    this.init = init;
    this.timings = timings;
    this.palette = readPalette(init.container);
    this.layers = new Set(init.layers);
    this.t = init.t;
    this.locale = init.locale;
    this.nameLang = init.nameLang;
    const container = init.container;
    const animate = !init.reducedMotion;

    this.map = L.map(container, {
      crs: L.CRS.Simple,
      zoomSnap: 0.25,
      zoomDelta: 0.5,
      wheelPxPerZoomLevel: 90,
      minZoom: -2,
      maxZoom: 14,
      maxBounds: L.latLngBounds([-90, -1e6], [90, 1e6]),
      maxBoundsViscosity: 1,
      keyboardPanDelta: 60,
      zoomAnimation: animate,
      fadeAnimation: animate,
      markerZoomAnimation: animate,
      inertia: animate,
      attributionControl: true,
      zoomControl: true,
    });
    this.map.attributionControl.setPrefix('<a href="https://leafletjs.com" target="_blank" rel="noopener">Leaflet</a>');
    this.creditSky();
    this.labelZoomButtons();
    const labelPane = this.map.createPane('arc-grid-labels');
    labelPane.style.zIndex = '450';
    labelPane.style.pointerEvents = 'none';
    this.labelCanvas = document.createElement('canvas');
    this.labelCanvas.setAttribute('aria-hidden', 'true');
    this.labelCanvas.className = 'sm-grid-labels';
    labelPane.append(this.labelCanvas);

    const paintSky = (coords: Leaflet.Coords, size: Leaflet.Point) => this.paintSkyTile(coords, size);
    const SkyLayer = L.GridLayer.extend({
      createTile(this: Leaflet.GridLayer, coords: Leaflet.Coords) {
        return paintSky(coords, this.getTileSize());
      },
    });
    this.skyLayer = new (SkyLayer as unknown as new (o: Leaflet.GridLayerOptions) => Leaflet.GridLayer)({ ...this.gridOptions(2), className: 'sm-sky' });
    this.skyLayer.once('load', () => {
      this.timings.firstRenderMs = performance.now() - this.firstPaintStart;
      this.init.callbacks.rendered();
    });
    this.bodyLayer = L.layerGroup();
    this.targetLayer = L.layerGroup();
    this.liveLayer = L.layerGroup();
    this.selectionLayer = L.layerGroup().addTo(this.map);

    this.setInitialView(init.view);
    this.rebuildMilkyWay();
    this.refreshStatic();
    this.firstPaintStart = performance.now();
    this.skyLayer.addTo(this.map);
    this.applyLayers();

    const onMove = () => this.scheduleLabels();
    const onMoveEnd = () => {
      this.rewrapMarkers();
      this.init.callbacks.moved(this.view());
      this.scheduleLabels();
    };
    this.map.on('move zoom resize', onMove);
    this.map.on('moveend zoomend', onMoveEnd);
    this.map.on('mousemove', (e: Leaflet.LeafletMouseEvent) => this.onPointer(e.latlng));
    this.map.on('mouseout', () => this.onPointer(null));
    this.map.on('popupclose', () => {
      this.popupRefresh = null;
    });
    let popupOpen = false;
    this.map.on('popupopen', () => (popupOpen = true));
    this.map.on('popupclose', () => (popupOpen = false));
    // Escape closes a popup wherever the focus is inside the map (Leaflet only listens while the map itself has focus),
    // and gives the focus back to the marker that opened it.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !popupOpen) return;
      e.preventDefault();
      e.stopPropagation();
      this.map.closePopup();
      this.popupSource?.focus();
    };
    container.addEventListener('keydown', onKey);
    this.removeListeners.push(() => container.removeEventListener('keydown', onKey));
    this.scheduleLabels();
  }

  private firstPaintStart = 0;
  private skyAttribution = '';

  /** The star data's credit in the attribution control, labelled in the map's language (the sources' names are not translated). */
  private creditSky() {
    if (this.skyAttribution) this.map.attributionControl.removeAttribution(this.skyAttribution);
    this.skyAttribution = `<span title="${escapeHtml(this.catalog.attribution)}">${escapeHtml(this.t('skyCredit'))} XHIP, IAU, Davenhall &amp; Leggett, Vieira via <a href="https://github.com/ofrohn/d3-celestial" target="_blank" rel="noopener">d3-celestial</a></span>`;
    this.map.attributionControl.addAttribution(this.skyAttribution);
  }

  private gridOptions(zIndex: number): Leaflet.GridLayerOptions {
    return {
      tileSize: 256,
      zIndex,
      minZoom: -4,
      maxZoom: 20,
      updateWhenZooming: false,
      keepBuffer: 2,
      bounds: this.L.latLngBounds([-90, -1e6], [90, 1e6]),
    };
  }

  /** Leaflet's zoom buttons say "+" and "−": give them names in the page's language. */
  private labelZoomButtons() {
    const c = this.init.container;
    const zin = c.querySelector('.leaflet-control-zoom-in');
    const zout = c.querySelector('.leaflet-control-zoom-out');
    zin?.setAttribute('aria-label', this.t('zoomIn'));
    zin?.setAttribute('title', this.t('zoomIn'));
    zout?.setAttribute('aria-label', this.t('zoomOut'));
    zout?.setAttribute('title', this.t('zoomOut'));
  }

  // ---------------------------------------------------------------------------------------------------------
  // View

  /** The zoom at which the sky's full height (pole to pole) fills the container; RA wraps sideways. */
  private fitZoom(): number {
    const size = this.map.getSize();
    return Math.floor(Math.log2(Math.max(1, size.y) / 180) * 4) / 4;
  }

  /** The zoom at which all of the sky is in view, however the container is shaped. */
  private allZoom(): number {
    const size = this.map.getSize();
    return Math.floor(Math.min(Math.log2(Math.max(1, size.x) / 360), Math.log2(Math.max(1, size.y) / 180)) * 4) / 4;
  }

  private setInitialView(view: EngineInit['view']) {
    const fit = this.fitZoom();
    this.map.setMinZoom(Math.min(this.allZoom(), 0));
    const ra = view?.ra ?? 180;
    const dec = view?.dec ?? 0;
    const zoom = view?.fov ? this.zoomFor(view.fov) : fit;
    this.map.setView([dec, lngOf(ra)], zoom, { animate: false });
  }

  private zoomFor(fov: number): number {
    return Math.max(this.map.getMinZoom(), Math.min(this.map.getMaxZoom(), zoomForFov(fov, this.map.getSize().x)));
  }

  /** Centre (RA/Dec) and field of view (degrees across the width) now shown. */
  view(): { ra: number; dec: number; fov: number } {
    const c = this.map.getCenter();
    return { ra: raOf(c.lng), dec: c.lat, fov: this.map.getSize().x / 2 ** this.map.getZoom() };
  }

  /** Show `ra`/`dec` at the centre, with `fov` degrees across (keeps the zoom when null). */
  setView(ra: number, dec: number, fov: number | null, animate = false): void {
    const centre = this.map.getCenter();
    const lng = wrapNear(lngOf(ra), centre.lng);
    const zoom = fov ? this.zoomFor(fov) : this.map.getZoom();
    this.map.setView([dec, lng], zoom, { animate: animate && !this.init.reducedMotion });
  }

  /** Whole sky in view. */
  /** The site's zenith at the map's time (J2000), or null without a site. */
  zenithNow(): { ra: number; dec: number } | null {
    return this.zenith;
  }

  showWholeSky(): void {
    this.map.setView([0, wrapNear(180, this.map.getCenter().lng)], this.fitZoom(), { animate: false });
  }

  /** Container pixel of a position (the copy nearest the view centre). */
  project(ra: number, dec: number): { x: number; y: number } {
    // Unrounded (Leaflet's latLngToContainerPoint rounds to whole pixels): where the canvas tiles draw it.
    const map = this.map;
    const p = map
      .project([dec, wrapNear(lngOf(ra), map.getCenter().lng)], map.getZoom())
      .subtract(map.getPixelOrigin())
      .subtract(map.containerPointToLayerPoint([0, 0]));
    return { x: p.x, y: p.y };
  }

  unproject(x: number, y: number): { ra: number; dec: number } {
    const map = this.map;
    const ll = map.unproject(this.L.point(x, y).add(map.containerPointToLayerPoint([0, 0])).add(map.getPixelOrigin()), map.getZoom());
    return { ra: raOf(ll.lng), dec: ll.lat };
  }

  invalidateSize(): void {
    const before = this.fitZoom();
    const wasFit = Math.abs(this.map.getZoom() - before) < 1e-9;
    this.map.invalidateSize({ animate: false });
    this.map.setMinZoom(Math.min(this.allZoom(), 0));
    // A map that showed the whole sky keeps showing it when the element is resized.
    const fit = this.fitZoom();
    if (wasFit && fit !== before) this.map.setZoom(fit, { animate: false });
    this.scheduleLabels();
  }

  // ---------------------------------------------------------------------------------------------------------
  // Static sky

  private paintSkyTile(coords: Leaflet.Coords, size: Leaflet.Point): HTMLCanvasElement {
    const canvas = document.createElement('canvas');
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    canvas.width = size.x * dpr;
    canvas.height = size.y * dpr;
    const ctx = canvas.getContext('2d');
    if (!ctx) return canvas;
    ctx.scale(dpr, dpr);
    drawSkyTile(ctx, this.tileView(coords, size), {
      catalog: this.catalog,
      layers: this.skyLayers(),
      palette: this.palette,
      nameLang: this.nameLang,
      milkyWay: this.milkyWay,
    });
    return canvas;
  }

  private staticKey: string | null = null;

  /** Repaint the static sky when what it shows changed (layers, or the Milky Way giving way to imagery). */
  private refreshStatic() {
    const static_: LayerName[] = ['milky-way', 'grid', 'ecliptic', 'boundaries', 'constellations', 'names', 'stars'];
    const shown = this.skyLayers();
    const key = static_.filter((n) => shown.has(n)).join(' ');
    if (key === this.staticKey) return;
    const first = this.staticKey === null;
    this.staticKey = key;
    if (!first && this.skyLayer) this.skyLayer.redraw();
  }

  /** Static layers to paint: the survey shows its own Milky Way, so the drawn glow steps aside while imagery is on. */
  private skyLayers(): Set<LayerName> {
    const layers = new Set(this.layers);
    if (layers.has('imagery') && this.surveyUrl && this.imageryState.state !== 'failed') layers.delete('milky-way');
    return layers;
  }

  private tileView(coords: Leaflet.Coords, size: Leaflet.Point): TileView {
    const scale = 2 ** coords.z;
    return { lng0: (coords.x * size.x) / scale, lat1: (-coords.y * size.y) / scale, scale, width: size.x, height: size.y };
  }

  private rebuildMilkyWay() {
    const img = milkyWayImage(this.catalog, this.palette.milkyWay);
    const canvas = this.milkyWay ?? document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    canvas.getContext('2d')?.putImageData(img, 0, 0);
    this.milkyWay = canvas;
  }

  /** Read the colours again from the element's custom properties (after a theme change) and repaint. */
  refreshPalette(): void {
    this.palette = readPalette(this.init.container);
    this.rebuildMilkyWay();
    this.skyLayer.redraw();
    this.refreshHorizon();
    this.scheduleLabels();
  }

  setLanguage(t: Translate, locale: string, nameLang: EngineInit['nameLang']): void {
    const changed = nameLang !== this.nameLang;
    this.t = t;
    this.locale = locale;
    this.nameLang = nameLang;
    if (changed) this.skyLayer.redraw();
    this.creditSky();
    this.labelZoomButtons();
    this.refreshHorizon();
    this.renderBodies();
    this.renderTargets();
    this.renderLive();
  }

  setLayers(layers: ReadonlySet<LayerName>): void {
    const before = this.layers;
    if (before.size === layers.size && [...layers].every((l) => before.has(l))) return;
    this.layers = new Set(layers);
    this.refreshStatic();
    this.applyLayers();
    this.scheduleLabels();
  }

  private applyLayers() {
    const toggle = (layer: Leaflet.Layer | null, on: boolean) => {
      if (!layer) return;
      if (on && !this.map.hasLayer(layer)) layer.addTo(this.map);
      if (!on && this.map.hasLayer(layer)) layer.remove();
    };
    toggle(this.bodyLayer, this.layers.has('planets'));
    toggle(this.targetLayer, this.layers.has('targets'));
    toggle(this.liveLayer, this.layers.has('live'));
    this.syncHorizonLayer();
    this.syncImagery();
  }

  // ---------------------------------------------------------------------------------------------------------
  // Time, site, horizon, bodies

  setTime(time: Date): void {
    this.time = time;
    this.updateSky();
  }

  setSite(site: EngineSite | null): void {
    this.site = site;
    this.updateSky();
  }

  private updateSky() {
    const site = this.site;
    try {
      this.zenith = site ? zenithJ2000(site, this.time) : null;
      this.sunAltitude = site ? horizontal('sun', site, this.time).altitude : null;
      this.cardinals = site ? this.cardinalPoints() : [];
      this.bodies = bodyPositions(this.time, site);
    } catch {
      this.zenith = null;
      this.bodies = [];
    }
    this.syncHorizonLayer();
    this.refreshHorizon();
    this.renderBodies();
    this.renderTargets();
    this.popupRefresh?.();
  }

  /** Where the horizon's N, E, S, W points are on the map now (from the zenith by rotation on the sphere). */
  private cardinalPoints(): { label: string; ra: number; dec: number }[] {
    const z = this.zenith;
    if (!z) return [];
    const D = Math.PI / 180;
    // Unit vectors: zenith, and north along the meridian towards the (J2000) pole.
    const zv = [Math.cos(z.dec * D) * Math.cos(z.ra * D), Math.cos(z.dec * D) * Math.sin(z.ra * D), Math.sin(z.dec * D)];
    const pole = [0, 0, 1];
    const dot = pole[2] * zv[2];
    let n = [pole[0] - dot * zv[0], pole[1] - dot * zv[1], pole[2] - dot * zv[2]];
    const len = Math.hypot(n[0], n[1], n[2]);
    if (len < 1e-9) return [];
    n = n.map((v) => v / len);
    // East = north × zenith (so that east is 90° from north, clockwise seen from above).
    const e = [n[1] * zv[2] - n[2] * zv[1], n[2] * zv[0] - n[0] * zv[2], n[0] * zv[1] - n[1] * zv[0]];
    const toRaDec = (v: number[]) => ({ ra: ((Math.atan2(v[1], v[0]) / D) + 360) % 360, dec: Math.asin(Math.max(-1, Math.min(1, v[2]))) / D });
    return [
      { label: this.t('north'), ...toRaDec(n) },
      { label: this.t('east'), ...toRaDec(e) },
      { label: this.t('south'), ...toRaDec(n.map((v) => -v)) },
      { label: this.t('west'), ...toRaDec(e.map((v) => -v)) },
    ];
  }

  /** Altitude and air mass of a target at the site now, or null without a site. */
  altitudeOf(target: { ra: number; dec: number; pmRa?: number; pmDec?: number }): { altitude: number; airmass: number } | null {
    if (!this.site) return null;
    try {
      const { altitude } = horizontal({ ra: target.ra, dec: target.dec, pmRa: target.pmRa, pmDec: target.pmDec }, this.site, this.time);
      return { altitude, airmass: airmass(altitude) };
    } catch {
      return null;
    }
  }

  /** Bodies as last computed, with their altitude when a site is known. */
  bodyList(): (BodyPosition & { altitude: number | null })[] {
    return this.bodies.map((b) => ({ ...b, altitude: this.altitudeOfBody(b) }));
  }

  private altitudeOfBody(b: BodyPosition): number | null {
    if (!this.zenith) return null;
    const D = Math.PI / 180;
    const s = Math.sin(b.dec * D) * Math.sin(this.zenith.dec * D) + Math.cos(b.dec * D) * Math.cos(this.zenith.dec * D) * Math.cos((b.ra - this.zenith.ra) * D);
    return Math.asin(Math.max(-1, Math.min(1, s))) / D;
  }

  private syncHorizonLayer() {
    const want = this.layers.has('horizon') && !!this.zenith;
    if (want && !this.horizonLayer) {
      const track = (canvas: HTMLCanvasElement, coords: Leaflet.Coords) => {
        this.horizonTiles.set(`${coords.x}:${coords.y}:${coords.z}`, { canvas, coords });
        this.paintHorizon(canvas, coords);
      };
      const HorizonLayer = this.L.GridLayer.extend({
        createTile(this: Leaflet.GridLayer, coords: Leaflet.Coords) {
          const size = this.getTileSize();
          const canvas = document.createElement('canvas');
          canvas.width = size.x;
          canvas.height = size.y;
          track(canvas, coords);
          return canvas;
        },
      });
      this.horizonLayer = new (HorizonLayer as unknown as new (o: Leaflet.GridLayerOptions) => Leaflet.GridLayer)({ ...this.gridOptions(3), className: 'sm-horizon' });
      this.horizonLayer.on('tileunload', (e: Leaflet.TileEvent) => this.horizonTiles.delete(`${e.coords.x}:${e.coords.y}:${e.coords.z}`));
      this.horizonLayer.addTo(this.map);
    } else if (!want && this.horizonLayer) {
      this.horizonLayer.remove();
      this.horizonLayer = null;
      this.horizonTiles.clear();
    }
  }

  /** Repaint the horizon tiles in place (no flicker): the sky turns a little every minute. */
  private refreshHorizon() {
    for (const { canvas, coords } of this.horizonTiles.values()) this.paintHorizon(canvas, coords);
  }

  private paintHorizon(canvas: HTMLCanvasElement, coords: Leaflet.Coords) {
    const ctx = canvas.getContext('2d');
    const z = this.zenith;
    if (!ctx) return;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    if (!z) return;
    const view = this.tileView(coords, this.L.point(canvas.width, canvas.height));
    const { width, height, scale, lng0, lat1 } = view;
    const D = Math.PI / 180;
    const sz = Math.sin(z.dec * D);
    const cz = Math.cos(z.dec * D);
    const cosH = new Float64Array(width);
    for (let c = 0; c < width; c++) cosH[c] = Math.cos((raOf(lng0 + (c + 0.5) / scale) - z.ra) * D);
    const ground = parseColor(this.palette.horizon);
    const tint = this.twilightTint();
    const img = ctx.createImageData(width, height);
    const px = img.data;
    for (let r = 0; r < height; r++) {
      const dec = lat1 - (r + 0.5) / scale;
      if (dec > 90 || dec < -90) continue;
      const a = Math.sin(dec * D) * sz;
      const b = Math.cos(dec * D) * cz;
      for (let c = 0; c < width; c++) {
        const sinAlt = a + b * cosH[c];
        const k = (r * width + c) * 4;
        const col = sinAlt < 0 ? ground : tint;
        if (!col) continue;
        px[k] = col[0];
        px[k + 1] = col[1];
        px[k + 2] = col[2];
        px[k + 3] = col[3];
      }
    }
    ctx.putImageData(img, 0, 0);

    const x = (lng: number) => (lng - lng0) * scale;
    const y = (lat: number) => (lat1 - lat) * scale;
    const lng1 = lng0 + width / scale;
    // The horizon line: where sin(alt) = 0 on each column, tan δ = −cos H · cos δz / sin δz.
    ctx.strokeStyle = this.palette.horizonLine;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    if (Math.abs(sz) > 1e-4) {
      for (let c = -1; c <= width + 1; c++) {
        const h = Math.cos((raOf(lng0 + c / scale) - z.ra) * D);
        const dec = Math.atan((-h * cz) / sz) / D;
        if (c === -1) ctx.moveTo(c, y(dec));
        else ctx.lineTo(c, y(dec));
      }
    } else {
      for (const ra of [z.ra + 90, z.ra - 90]) {
        for (let lng = wrapNear(lngOf(ra), lng0); lng <= lng1 + 1; lng += 360) {
          ctx.moveTo(x(lng), y(90));
          ctx.lineTo(x(lng), y(-90));
        }
      }
    }
    ctx.stroke();
    // The meridian above the horizon: through the zenith to the pole, and beyond the pole on the other side.
    ctx.strokeStyle = this.palette.meridian;
    ctx.lineWidth = 1;
    ctx.setLineDash([5, 4]);
    ctx.beginPath();
    const upper: [number, number] = z.dec >= 0 ? [z.dec - 90, 90] : [-90, z.dec + 90];
    const lower: [number, number] = z.dec >= 0 ? [90 - z.dec, 90] : [-90, -90 - z.dec];
    for (const [ra, [d0, d1]] of [
      [z.ra, upper],
      [z.ra + 180, lower],
    ] as const) {
      for (let lng = wrapNear(lngOf(ra), lng0 - 360); lng <= lng1 + 1; lng += 360) {
        if (lng < lng0 - 1) continue;
        ctx.moveTo(Math.round(x(lng)) + 0.5, y(d1));
        ctx.lineTo(Math.round(x(lng)) + 0.5, y(d0));
      }
    }
    ctx.stroke();
    ctx.setLineDash([]);
    // Zenith and cardinal points.
    ctx.font = `600 12px ${this.palette.font}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    const mark = (ra: number, dec: number, label: string, zenith: boolean) => {
      for (let lng = wrapNear(lngOf(ra), lng0 - 360); lng <= lng1 + 60 / scale; lng += 360) {
        const px0 = x(lng);
        const py0 = y(dec);
        if (px0 < -60 || px0 > width + 60 || py0 < -30 || py0 > height + 30) continue;
        ctx.fillStyle = this.palette.horizonLine;
        if (zenith) {
          ctx.beginPath();
          ctx.moveTo(px0 - 6, py0);
          ctx.lineTo(px0 + 6, py0);
          ctx.moveTo(px0, py0 - 6);
          ctx.lineTo(px0, py0 + 6);
          ctx.strokeStyle = this.palette.horizonLine;
          ctx.lineWidth = 2;
          ctx.stroke();
          ctx.fillText(label, px0, py0 + 14);
        } else {
          ctx.beginPath();
          ctx.arc(px0, py0, 9, 0, 2 * Math.PI);
          ctx.fillStyle = this.palette.horizon;
          ctx.fill();
          ctx.fillStyle = this.palette.horizonLine;
          ctx.fillText(label, px0, py0 + 0.5);
        }
      }
    };
    mark(z.ra, z.dec, this.t('zenith'), true);
    for (const c of this.cardinals) mark(c.ra, c.dec, c.label, false);
  }

  /** Colour over the sky above the horizon by the Sun's altitude (day to astronomical twilight), or null at night. */
  private twilightTint(): [number, number, number, number] | null {
    const s = this.sunAltitude;
    if (s === null || s < -18) return null;
    const alpha = s >= 0 ? 0.3 : s >= -6 ? 0.2 : s >= -12 ? 0.12 : 0.06;
    const c = parseColor(this.palette.ecliptic);
    return c ? [c[0], c[1], c[2], Math.round(alpha * 255)] : null;
  }

  private renderBodies() {
    const L = this.L;
    this.bodyLayer.clearLayers();
    this.markers = this.markers.filter((m) => !m.marker.options.pane || m.marker.options.pane !== 'arc-bodies');
    const centre = this.map.getCenter().lng;
    for (const b of this.bodies) {
      const name = this.t(b.key as SkyKey);
      const icon = L.divIcon({
        className: `sm-body sm-body--${b.key}`,
        html: `<span class="sm-body__disc" aria-hidden="true"></span><span class="sm-body__label">${escapeHtml(name)}</span>`,
        iconSize: [0, 0],
      });
      const lng = lngOf(b.ra);
      const marker = L.marker([b.dec, wrapNear(lng, centre)], { icon, interactive: false, keyboard: false, pane: 'markerPane' });
      marker.addTo(this.bodyLayer);
      this.markers.push({ marker, lng });
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Targets, pointings, selection

  setTargets(targets: EngineTarget[]): void {
    this.targets = targets;
    this.renderTargets();
  }

  private renderTargets() {
    const L = this.L;
    this.targetLayer.clearLayers();
    this.pruneMarkers();
    const centre = this.map.getCenter().lng;
    for (const target of this.targets) {
      const lng = lngOf(target.ra);
      const icon = L.divIcon({
        className: 'sm-target',
        html: `<span class="sm-target__ring" aria-hidden="true"></span><span class="sm-target__label">${escapeHtml(target.label)}</span>`,
        iconSize: [0, 0],
      });
      const marker = L.marker([target.dec, wrapNear(lng, centre)], { icon, keyboard: true, riseOnHover: true, autoPanOnFocus: false });
      marker.addTo(this.targetLayer);
      const el = marker.getElement();
      if (el) {
        el.setAttribute('aria-label', `${target.label}: ${this.t('listPosition', { ra: formatRA(target.ra, 0), dec: formatDec(target.dec) })}`);
        if (target.color) el.style.setProperty('--_target', target.color);
        el.dataset.key = target.key;
      }
      this.bindActivation(marker, () => this.targetPopup(target), () => ({
        target: { name: target.label, ra: target.ra, dec: target.dec },
        source: 'arc-sky-map',
      }));
      this.markers.push({ marker, lng });
    }
  }

  setPointings(pointings: EnginePointing[]): void {
    this.pointings = pointings;
    this.renderLive();
  }

  private renderLive() {
    const L = this.L;
    this.liveLayer.clearLayers();
    this.pruneMarkers();
    const centre = this.map.getCenter().lng;
    for (const p of this.pointings) {
      const lng = lngOf(p.ra);
      const icon = L.divIcon({
        className: `sm-live${p.newest ? ' sm-live--newest' : ''}`,
        html: `<span class="sm-live__mark" aria-hidden="true"></span>${p.newest ? `<span class="sm-live__label">${escapeHtml(p.name)}</span>` : ''}`,
        iconSize: [0, 0],
      });
      const marker = L.marker([p.dec, wrapNear(lng, centre)], { icon, keyboard: true, opacity: p.opacity, zIndexOffset: p.newest ? 500 : 0, autoPanOnFocus: false });
      marker.addTo(this.liveLayer);
      const el = marker.getElement();
      if (el) {
        el.setAttribute('aria-label', `${this.t('pointing')}: ${p.name}${p.telescope ? `, ${p.telescope}` : ''}${p.site ? `, ${p.site}` : ''}`);
        el.dataset.activity = String(p.id);
      }
      this.bindActivation(marker, () => this.pointingPopup(p), () => ({
        target: { name: p.name, ra: p.ra, dec: p.dec },
        source: 'arc-sky-map',
        activity: p.activity,
      }));
      this.markers.push({ marker, lng });
    }
  }

  private pruneMarkers() {
    this.markers = this.markers.filter((m) => this.map.hasLayer(m.marker));
  }

  /** Click, Enter or Space on a marker: open its popup and report the selection. */
  private bindActivation(marker: Leaflet.Marker, content: () => HTMLElement, detail: () => ArcSelectDetail) {
    const open = () => {
      const el = marker.getElement() ?? null;
      this.popupSource = el;
      marker.bindPopup(content(), { closeButton: true, autoPan: true, autoPanPadding: this.L.point(24, 24), className: 'sm-popup' }).openPopup();
      // Leaflet names its close button in English.
      marker.getPopup()?.getElement()?.querySelector('.leaflet-popup-close-button')?.setAttribute('aria-label', this.t('dismiss'));
      this.popupRefresh = () => marker.getPopup()?.setContent(content());
      this.init.callbacks.select(detail());
    };
    marker.on('click', open);
    const el = marker.getElement();
    el?.addEventListener('keydown', (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        e.stopPropagation();
        open();
      }
    });
  }

  private popupBase(title: string, ra: number, dec: number): { root: HTMLElement; list: HTMLElement } {
    const root = document.createElement('div');
    root.className = 'sm-popup__body';
    const h = document.createElement('strong');
    h.className = 'sm-popup__title';
    h.textContent = title;
    const list = document.createElement('dl');
    list.className = 'sm-popup__facts';
    root.append(h, list);
    this.fact(list, this.t('raTerm'), formatRA(ra));
    this.fact(list, this.t('decTerm'), formatDec(dec));
    return { root, list };
  }

  private fact(list: HTMLElement, term: string, value: string, key?: string) {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    if (key) dd.dataset.fact = key;
    list.append(dt, dd);
  }

  private altitudeFacts(list: HTMLElement, root: HTMLElement, target: { ra: number; dec: number; pmRa?: number; pmDec?: number }) {
    const alt = this.altitudeOf(target);
    const nf = (n: number, d: number) => new Intl.NumberFormat(this.locale, { minimumFractionDigits: d, maximumFractionDigits: d }).format(n);
    if (!alt || !this.site) {
      const p = document.createElement('p');
      p.className = 'sm-popup__note';
      p.textContent = this.t('noSiteForAltitude');
      root.append(p);
      return;
    }
    this.fact(list, this.t('altitudeTerm'), `${nf(alt.altitude, 1)}°`, 'altitude');
    this.fact(list, this.t('airmassTerm'), alt.altitude > 0 ? nf(alt.airmass, 2) : this.t('belowHorizon'), 'airmass');
    const p = document.createElement('p');
    p.className = 'sm-popup__note';
    const time = new Intl.DateTimeFormat(this.locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: this.site.timeZone, timeZoneName: 'short' }).format(this.time);
    p.textContent = this.t('atSiteTime', { site: this.site.name, time });
    root.append(p);
  }

  private targetPopup(target: EngineTarget): HTMLElement {
    const { root, list } = this.popupBase(target.label, target.ra, target.dec);
    this.altitudeFacts(list, root, target);
    return root;
  }

  private pointingPopup(p: EnginePointing): HTMLElement {
    const { root, list } = this.popupBase(p.name, p.ra, p.dec);
    if (p.telescope) this.fact(list, this.t('telescope'), p.telescope);
    if (p.site) this.fact(list, this.t('siteTerm'), p.site);
    if (p.at) this.fact(list, this.t('when'), new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(p.at));
    this.altitudeFacts(list, root, p);
    return root;
  }

  /** Highlight the shared selection; pan to it when `follow`. */
  setSelection(target: { name: string; ra: number; dec: number } | null, follow: boolean): void {
    this.selection = target;
    this.selectionLayer.clearLayers();
    this.pruneMarkers();
    if (!target) return;
    const lng = lngOf(target.ra);
    const icon = this.L.divIcon({ className: 'sm-selection', html: '<span class="sm-selection__ring" aria-hidden="true"></span>', iconSize: [0, 0] });
    const marker = this.L.marker([target.dec, wrapNear(lng, this.map.getCenter().lng)], { icon, interactive: false, keyboard: false, zIndexOffset: 1000 });
    marker.addTo(this.selectionLayer);
    this.markers.push({ marker, lng });
    if (follow) {
      const p = this.project(target.ra, target.dec);
      const size = this.map.getSize();
      const inside = p.x > size.x * 0.15 && p.x < size.x * 0.85 && p.y > size.y * 0.15 && p.y < size.y * 0.85;
      if (!inside) this.setView(target.ra, target.dec, null, true);
    }
  }

  get selected(): { name: string; ra: number; dec: number } | null {
    return this.selection;
  }

  /** Keep every live object on the copy of the sky nearest the view centre. */
  private rewrapMarkers() {
    const centre = this.map.getCenter().lng;
    for (const m of this.markers) {
      const ll = m.marker.getLatLng();
      const lng = wrapNear(m.lng, centre);
      if (Math.abs(lng - ll.lng) > 1e-9) m.marker.setLatLng([ll.lat, lng]);
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Imagery

  /** Use this HiPS base (null for none). Shown while the `imagery` layer is on. */
  setSurvey(url: string | null): void {
    if (url === this.surveyUrl) return;
    this.surveyUrl = url;
    this.teardownImagery();
    this.imageryState = { state: 'off' };
    this.refreshStatic();
    this.syncImagery();
  }

  private teardownImagery() {
    this.imageryAbort?.abort();
    this.imageryAbort = null;
    this.imageryLayer?.remove();
    this.imageryLayer = null;
    this.map.attributionControl.removeAttribution(this.imageryAttribution);
    this.imageryAttribution = '';
  }

  private imageryAttribution = '';

  /** Record and report the imagery state (only changes are reported, so reporting never loops). */
  private setImageryState(state: ImageryState) {
    const before = this.imageryState;
    if (before.state === state.state && before.reason === state.reason) return;
    this.imageryState = state;
    this.refreshStatic();
    this.init.callbacks.imagery(state);
  }

  get imagery(): ImageryState {
    return this.imageryState;
  }

  private syncImagery() {
    const want = this.layers.has('imagery') && !!this.surveyUrl;
    if (!want) {
      this.imageryLayer?.remove();
      // A failed survey stays failed (and its notice stays) until the survey changes; anything else is off.
      if (!this.surveyUrl || this.imageryState.state !== 'failed') this.setImageryState({ state: 'off' });
      return;
    }
    if (this.imageryState.state === 'failed' && !this.imageryLayer && !this.imageryAbort) return;
    if (this.imageryLayer) {
      if (!this.map.hasLayer(this.imageryLayer)) this.imageryLayer.addTo(this.map);
      return;
    }
    if (this.imageryAbort) return; // properties already loading
    const abort = (this.imageryAbort = new AbortController());
    const base = this.surveyUrl!;
    this.setImageryState({ state: 'loading' });
    loadSurvey(base, abort.signal).then(
      (survey) => {
        if (abort.signal.aborted || this.destroyed) return;
        this.startImagery(survey);
      },
      (error: ArcApiError) => {
        if (abort.signal.aborted || this.destroyed) return;
        this.imageryAbort = null;
        this.setImageryState({ state: 'failed', reason: error.message, error });
      },
    );
  }

  private startImagery(survey: HipsSurvey) {
    const hips = new HipsSource(survey);
    let consecutiveFailures = 0;
    const tileView = (coords: Leaflet.Coords, size: Leaflet.Point) => this.tileView(coords, size);
    const report = (failures: number) => {
      if (failures > 0) {
        consecutiveFailures++;
        if (consecutiveFailures >= 3 || hips.loaded === 0) this.setImageryState({ state: 'failed', reason: this.t('imageryTilesFailed') });
      } else {
        consecutiveFailures = 0;
        if (this.imageryState.state !== 'ok') this.setImageryState({ state: 'ok' });
      }
    };
    const ImageryLayer = this.L.GridLayer.extend({
      createTile(this: Leaflet.GridLayer, coords: Leaflet.Coords, done: Leaflet.DoneCallback) {
        const size = this.getTileSize();
        const canvas = document.createElement('canvas');
        canvas.width = size.x;
        canvas.height = size.y;
        const abort = new AbortController();
        (canvas as HTMLCanvasElement & { _abort?: AbortController })._abort = abort;
        hips.render(canvas, tileView(coords, size), abort.signal).then(
          (failures) => {
            if (failures < 0) return;
            report(failures);
            done(undefined, canvas);
          },
          (err: Error) => done(err, canvas),
        );
        return canvas;
      },
    });
    const layer = new (ImageryLayer as unknown as new (o: Leaflet.GridLayerOptions) => Leaflet.GridLayer)({ ...this.gridOptions(1), className: 'sm-imagery' });
    layer.on('tileunload', (e: Leaflet.TileEvent) => (e.tile as HTMLElement & { _abort?: AbortController })._abort?.abort());
    this.imageryLayer = layer;
    const credit = survey.copyright
      ? survey.copyrightUrl
        ? `<a href="${escapeHtml(survey.copyrightUrl)}" target="_blank" rel="noopener">${escapeHtml(survey.copyright)}</a>`
        : escapeHtml(survey.copyright)
      : escapeHtml(survey.title ?? survey.base);
    this.imageryAttribution = `${this.t('imageryCredit')} ${credit}`;
    this.map.attributionControl.addAttribution(this.imageryAttribution);
    layer.addTo(this.map);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Pointer readout and grid labels

  private onPointer(latlng: Leaflet.LatLng | null) {
    this.lastPointer = latlng;
    if (this.pointerFrame) return;
    this.pointerFrame = requestAnimationFrame(() => {
      this.pointerFrame = 0;
      const ll = this.lastPointer;
      if (!ll || ll.lat > 90 || ll.lat < -90) return this.init.callbacks.pointer(null);
      const ra = raOf(ll.lng);
      const radius = 8 / 2 ** this.map.getZoom();
      const i = this.layers.has('stars') ? starNear(this.catalog, ra, ll.lat, radius) : -1;
      const star =
        i >= 0
          ? this.t('starReadout', {
              name: starLabel(this.catalog, i),
              mag: new Intl.NumberFormat(this.locale, { maximumFractionDigits: 2 }).format(this.catalog.mag[i]),
            })
          : null;
      this.init.callbacks.pointer({ ra, dec: ll.lat, star });
    });
  }

  private scheduleLabels() {
    if (this.frame || this.destroyed) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.drawGridLabels();
    });
  }

  private drawGridLabels() {
    const canvas = this.labelCanvas;
    const size = this.map.getSize();
    // The pane moves with the map while dragging: keep the canvas on the view.
    this.L.DomUtil.setPosition(canvas, this.map.containerPointToLayerPoint([0, 0]));
    canvas.style.width = `${size.x}px`;
    canvas.style.height = `${size.y}px`;
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    if (canvas.width !== size.x * dpr || canvas.height !== size.y * dpr) {
      canvas.width = size.x * dpr;
      canvas.height = size.y * dpr;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, size.x, size.y);
    if (!this.layers.has('grid') || size.x < 1) return;
    const scale = 2 ** this.map.getZoom();
    const steps = gridSteps(scale);
    const west = this.map.containerPointToLatLng([0, 0]);
    const east = this.map.containerPointToLatLng([size.x, size.y]);
    ctx.font = `11px ${this.palette.font}`;
    ctx.textBaseline = 'middle';
    const pill = (text: string, cx: number, cy: number, align: 'center' | 'left') => {
      const w = ctx.measureText(text).width + 8;
      const x0 = align === 'center' ? cx - w / 2 : cx;
      ctx.fillStyle = this.palette.background;
      ctx.globalAlpha = 0.72;
      ctx.fillRect(x0, cy - 8, w, 16);
      ctx.globalAlpha = 1;
      ctx.fillStyle = this.palette.gridLabel;
      ctx.textAlign = 'left';
      ctx.fillText(text, x0 + 4, cy);
    };
    // Above the readout and the attribution along the bottom edge.
    const bottom = Math.min(size.y - 38, this.map.latLngToContainerPoint([-90, west.lng]).y - 10);
    for (let j = Math.ceil(west.lng / steps.ra); j * steps.ra <= east.lng; j++) {
      const x = this.map.latLngToContainerPoint([0, j * steps.ra]).x;
      if (x < 24 || x > size.x - 24) continue;
      pill(formatRaLabel(raOf(j * steps.ra), steps.ra), x, bottom, 'center');
    }
    const top = Math.max(-90, east.lat);
    for (let k = Math.ceil(top / steps.dec); k * steps.dec <= Math.min(90, west.lat); k++) {
      const dec = k * steps.dec;
      if (Math.abs(dec) >= 90) continue;
      const y = this.map.latLngToContainerPoint([dec, west.lng]).y;
      if (y < 12 || y > size.y - 28) continue;
      pill(formatDecLabel(dec, steps.dec), 4, y, 'left');
    }
  }

  // ---------------------------------------------------------------------------------------------------------

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    cancelAnimationFrame(this.frame);
    cancelAnimationFrame(this.pointerFrame);
    this.imageryAbort?.abort();
    for (const off of this.removeListeners) off();
    this.removeListeners = [];
    this.map.off();
    const container = this.map.getContainer() as HTMLElement & { _leaflet_events?: unknown };
    this.map.remove();
    // Leaflet 1.9's remove() leaves the container's `scroll` listener (and a null entry per removed listener): on a
    // re-attached element, whose container gets a new map each time, every old map would stay reachable from it.
    const onScroll = (this.map as unknown as { _onScroll: () => void })._onScroll;
    this.L.DomEvent.off(container, 'scroll', onScroll, this.map);
    delete container._leaflet_events;
    this.horizonTiles.clear();
    this.markers = [];
  }

  /** Stars in the catalogue drawn by the map. */
  get starCount(): number {
    return this.catalog.count;
  }

  get isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Which body keys exist (for the element's list). */
  static readonly bodies: readonly BodyKey[] = ['sun', 'moon', 'mercury', 'venus', 'mars', 'jupiter', 'saturn', 'uranus', 'neptune'];
}

/** RA grid label for a step: `5h`, `5h30m`, `5h30m15s`. */
export function formatRaLabel(ra: number, step: number): string {
  const totalSeconds = Math.round((ra / 15) * 3600);
  const h = Math.floor(totalSeconds / 3600) % 24;
  const m = Math.floor(totalSeconds / 60) % 60;
  const s = totalSeconds % 60;
  if (step >= 15) return `${h}h`;
  if (step >= 0.25) return `${h}h${String(m).padStart(2, '0')}m`;
  return `${h}h${String(m).padStart(2, '0')}m${String(s).padStart(2, '0')}s`;
}

/** Dec grid label for a step: `+30°`, `−5°30′`. */
export function formatDecLabel(dec: number, step: number): string {
  const sign = dec < 0 ? '−' : dec > 0 ? '+' : '';
  const totalMinutes = Math.round(Math.abs(dec) * 60);
  const d = Math.floor(totalMinutes / 60);
  const m = totalMinutes % 60;
  if (step >= 1 || m === 0) return `${sign}${d}°`;
  return `${sign}${d}°${String(m).padStart(2, '0')}′`;
}

/** `#rgb`, `#rrggbb`, `rgb()`/`rgba()` → RGBA bytes (alpha from the colour, default opaque), or null. */
export function parseColor(text: string): [number, number, number, number] | null {
  const t = text.trim();
  let m = /^#([0-9a-f]{3,8})$/i.exec(t);
  if (m) {
    let hex = m[1];
    if (hex.length === 3 || hex.length === 4) hex = [...hex].map((c) => c + c).join('');
    const n = (i: number) => parseInt(hex.slice(i, i + 2), 16);
    return [n(0), n(2), n(4), hex.length === 8 ? n(6) : 255];
  }
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/i.exec(t);
  if (m) {
    const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
    return [Number(m[1]), Number(m[2]), Number(m[3]), Math.round(Math.max(0, Math.min(1, a)) * 255)];
  }
  return null;
}

/** The palette from the element's resolved custom properties (any CSS colour a page sets works). */
export function readPalette(box: HTMLElement): SkyPalette {
  const cs = getComputedStyle(box);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  const probe = document.createElement('span');
  probe.style.display = 'none';
  box.append(probe);
  const resolve = (value: string) => {
    probe.style.color = '';
    probe.style.color = value;
    return getComputedStyle(probe).color;
  };
  const rgb = (value: string, fallback: [number, number, number]): [number, number, number] => {
    const m = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(resolve(value));
    return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : fallback;
  };
  const star = v('--_sm-star', 'auto');
  const palette: SkyPalette = {
    background: resolve(v('--_sm-bg', '#141d33')),
    grid: v('--_sm-grid', 'rgba(150,178,226,0.2)'),
    gridLabel: v('--_sm-grid-label', '#b8c7e4'),
    lines: v('--_sm-lines', 'rgba(122,170,255,0.6)'),
    boundaries: v('--_sm-boundaries', 'rgba(170,150,230,0.32)'),
    names: v('--_sm-names', 'rgba(168,196,244,0.85)'),
    starNames: v('--_sm-star-names', 'rgba(236,226,200,0.85)'),
    ecliptic: resolve(v('--_sm-ecliptic', 'rgba(238,196,92,0.6)')),
    milkyWay: rgb(v('--_sm-milky-way', '#a9bde6'), [169, 189, 230]),
    starMono: star === 'auto' ? null : resolve(star),
    horizon: resolve(v('--_sm-ground', 'rgba(14,22,12,0.66)')),
    horizonLine: v('--_sm-horizon', '#93d38d'),
    meridian: v('--_sm-meridian', 'rgba(147,211,141,0.55)'),
    font: cs.fontFamily || 'system-ui, sans-serif',
  };
  probe.remove();
  return palette;
}
