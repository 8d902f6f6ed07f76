/**
 * Exports: CSV from `altitudeCurves` samples, a standalone SVG with computed colours and fonts inlined
 * (it no longer depends on the page's CSS or custom properties), and a PNG rasterised from that SVG.
 */
import { airmass, localSiderealTime, type AltitudeCurves } from '../../astro/index.js';
import { formatHours } from './format.js';

/** Quote a CSV field when needed; neutralise leading formula characters so spreadsheets show names as text. */
function csvField(value: string): string {
  const safe = /^[=+@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const fixed = (v: number, digits = 3) => (Number.isFinite(v) ? v.toFixed(digits) : '');

/**
 * One row per sample: UTC ISO time, site-local time, local sidereal time, then altitude (degrees, geometric)
 * and airmass (Kasten & Young; empty below the horizon) per target, then the Sun's and the Moon's altitude.
 */
export function curvesToCsv(curves: AltitudeCurves, labels: readonly string[], longitude: number, timeZone: string): string {
  // Site-local `YYYY-MM-DD HH:MM:SS`, language-independent.
  const local = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const isoLocalTime = (ms: number) => {
    const p: Record<string, string> = {};
    for (const part of local.formatToParts(ms)) p[part.type] = part.value;
    return `${p.year}-${p.month}-${p.day} ${p.hour === '24' ? '00' : p.hour}:${p.minute}:${p.second}`;
  };
  const header = ['time_utc', `local_time (${timeZone})`, 'lst'];
  for (const label of labels) header.push(`${label} altitude_deg`, `${label} airmass`);
  header.push('sun_altitude_deg', 'moon_altitude_deg');
  const lines = [header.map(csvField).join(',')];
  for (let i = 0; i < curves.times.length; i++) {
    const ms = curves.times[i];
    const time = new Date(ms);
    const row = [time.toISOString(), isoLocalTime(ms), formatHours(localSiderealTime(longitude, time), true)];
    curves.targets.forEach((series) => {
      const alt = series.altitude[i];
      row.push(fixed(alt), alt > 0 ? fixed(airmass(alt)) : '');
    });
    row.push(fixed(curves.sun.altitude[i]), fixed(curves.moon.altitude[i]));
    lines.push(row.map(csvField).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/** Presentation properties copied from the computed style into the exported file. */
const INLINED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'paint-order',
] as const;

/**
 * A standalone copy of the live chart, `height` tall (room for the export-only title and legend below the chart):
 * computed styles inlined, crosshair and other `data-export="skip"` parts removed, the export-only parts shown,
 * a background painted.
 */
export function standaloneSvg(live: SVGSVGElement, background: string, height: number): string {
  const clone = live.cloneNode(true) as SVGSVGElement;
  const source = [live, ...live.querySelectorAll('*')];
  const target = [clone, ...clone.querySelectorAll('*')];
  const drop: Element[] = [];
  source.forEach((el, i) => {
    const copy = target[i];
    const exportMode = el.getAttribute('data-export');
    if (exportMode === 'skip') return drop.push(copy);
    const cs = getComputedStyle(el);
    if (cs.display === 'none' && exportMode !== 'only' && !el.closest('[data-export="only"]')) return drop.push(copy);
    const style = INLINED.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
    copy.setAttribute('style', style);
    copy.removeAttribute('class');
    copy.removeAttribute('part');
    copy.removeAttribute('data-export');
  });
  for (const el of drop) el.remove();
  // Lit's template markers are comments; they mean nothing in a file.
  const walker = document.createTreeWalker(clone, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const c of comments) c.parentNode?.removeChild(c);

  const width = Number(live.getAttribute('width'));
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  clone.removeAttribute('role');
  clone.removeAttribute('aria-labelledby');
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', background);
  clone.insertBefore(bg, clone.querySelector('defs') ?? clone.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

/** Rasterise an SVG document at `scale` × its size. */
export async function svgToPng(svgText: string, scale = 2): Promise<Blob> {
  const size = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svgText);
  const width = Number(size?.[1]) || 800;
  const height = Number(size?.[2]) || 400;
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw on a canvas, so no PNG can be made.');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The browser could not encode the PNG.'))), 'image/png'),
  );
}

/** Save a blob through a temporary object URL on an `<a download>` inside the element's shadow root. */
export function saveBlob(root: ShadowRoot, blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  root.appendChild(link);
  link.click();
  link.remove();
  // The download has started from the URL by the time the click returns; keep it a moment for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
