/**
 * The elements inside a React 19 app: properties (arrays, not just strings) reach the element, React events
 * props (`onarc-select`) receive our events, re-renders update the element, and unmounting cleans up.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/entries/visibility-chart.js';
import type { ArcVisibilityChart } from '../../src/elements/visibility-chart/visibility-chart.js';
import { emulatorUrl } from '../helpers/emulator.js';

describe('React 19 page', () => {
  let container: HTMLElement;
  let root: any;
  let h: any, useState: any, createRoot: any, flushSync: any;

  before(async () => {
    // Served by web-test-runner.config.mjs: React and react-dom bundled into one ES module.
    const url = '/__react.js';
    ({ createElement: h, useState, createRoot, flushSync } = await import(/* @vite-ignore */ url));
  });

  beforeEach(() => {
    container = document.createElement('div');
    container.style.width = '800px';
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(() => {
    root.unmount();
    container.remove();
  });

  it('passes array properties and string attributes, and receives arc-select through an on* prop', async () => {
    const selections: string[] = [];
    let setTargets: (t: unknown[]) => void = () => {};
    function App() {
      const [targets, set] = useState([
        { name: 'Vega', ra: 279.2347, dec: 38.7837 },
        { name: 'Deneb', ra: 310.358, dec: 45.2803 },
      ]);
      setTargets = set;
      return h('arc-visibility-chart', {
        api: emulatorUrl(),
        latitude: '28.76',
        longitude: '-17.88',
        'time-zone': 'Atlantic/Canary',
        date: '2026-07-15',
        now: '2026-07-15T12:00:00Z',
        targets,
        'onarc-select': (e: CustomEvent) => selections.push(e.detail.target.name),
      });
    }
    flushSync(() => root.render(h(App)));
    const chart = container.querySelector('arc-visibility-chart') as ArcVisibilityChart;
    expect(chart, 'React rendered the custom element').to.exist;
    expect(Array.isArray(chart.targets), 'React 19 sets the array as a property').to.be.true;
    await waitUntil(() => chart.shadowRoot?.querySelectorAll('[part~="legend-item"]').length === 2, 'two legend entries', { timeout: 10_000 });

    const first = chart.shadowRoot!.querySelector<HTMLElement>('[part~="legend-item"]')!;
    first.click();
    await waitUntil(() => selections.length === 1, 'the React handler got arc-select');
    expect(selections[0]).to.equal('Vega');

    // A React state change re-renders the element with new data.
    flushSync(() => setTargets([{ name: 'Altair', ra: 297.6958, dec: 8.8683 }]));
    await waitUntil(() => chart.shadowRoot!.querySelectorAll('[part~="legend-item"]').length === 1, 'one legend entry after the update');
    expect(chart.shadowRoot!.querySelector('[part~="legend-item"]')!.textContent).to.contain('Altair');
  });

  it('unmounting removes the element without errors', async () => {
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error);
    window.addEventListener('error', onError);
    flushSync(() =>
      root.render(h('arc-visibility-chart', { api: emulatorUrl(), latitude: '-24.6', longitude: '-70.4', targets: 'M42' })),
    );
    await waitUntil(() => container.querySelector('arc-visibility-chart')?.shadowRoot?.childElementCount, 'rendered');
    flushSync(() => root.render(null));
    await new Promise((r) => setTimeout(r, 200));
    window.removeEventListener('error', onError);
    expect(container.querySelector('arc-visibility-chart')).to.equal(null);
    expect(errors).to.deep.equal([]);
  });
});
