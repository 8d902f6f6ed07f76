/**
 * The one-script-tag bundle (dist/cdn/arcsecond-widgets.js). It defines nothing up front: each element's code is
 * imported the first time its tag appears in the document (now or later), so a page pays only for what it uses.
 * No globals, no global CSS, no console output.
 */
const loaders: Record<string, () => Promise<unknown>> = {
  'arc-activity-ticker': () => import('./entries/activity-ticker.js'),
  'arc-sky-map': () => import('./entries/sky-map.js'),
  'arc-night-card': () => import('./entries/night-card.js'),
  'arc-visibility-chart': () => import('./entries/visibility-chart.js'),
  'arc-provider': () => import('./entries/provider.js'),
  'arc-target': () => import('./elements/target/define.js'),
};

const requested = new Set<string>();

function load(tag: string): void {
  if (requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  loaders[tag]().catch(() => requested.delete(tag));
}

function scan(root: ParentNode): void {
  for (const tag of Object.keys(loaders)) {
    if (!requested.has(tag) && root.querySelector(tag)) load(tag);
  }
}

function start(): void {
  scan(document);
  new MutationObserver((records) => {
    for (const r of records) {
      for (const node of r.addedNodes) {
        if (node.nodeType !== 1) continue;
        const el = node as Element;
        const tag = el.localName;
        if (tag in loaders) load(tag);
        if (el.firstElementChild) scan(el);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}

if (typeof document !== 'undefined' && typeof customElements !== 'undefined') start();
