/**
 * <arc-provider> and the shared attributes of ArcElement: the provider's settings reach the elements inside, an
 * attribute on the element wins, selections made inside become the shared one, defining twice only warns.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/entries/provider.js';
import '../../src/entries/night-card.js';
import '../../src/entries/activity-ticker.js';
import { ArcProvider } from '../../src/elements/provider/provider.js';
import { ArcNightCard } from '../../src/elements/night-card/night-card.js';
import type { ArcActivityTicker } from '../../src/elements/activity-ticker/activity-ticker.js';
import { ArcSelectEvent } from '../../src/events.js';
import { emulator, emulatorUrl } from '../helpers/emulator.js';

describe('<arc-provider>', () => {
  beforeEach(() => emulator.reset());

  it('shares api, site, clock, theme and language; an attribute on the element wins', async () => {
    const provider = await fixture<ArcProvider>(html`
      <arc-provider api=${emulatorUrl()} organisation="eso" site="La Silla Observatory" now="2026-03-20T23:00:00Z" theme="night" lang="fr">
        <arc-night-card weather="none"></arc-night-card>
        <arc-night-card weather="none" site="Mauna Kea Observatory" theme="light" lang="de"></arc-night-card>
      </arc-provider>
    `);
    const [shared, own] = [...provider.querySelectorAll('arc-night-card')] as ArcNightCard[];
    await shared.updateComplete;
    expect(shared.apiBase).to.equal(emulatorUrl());
    expect(shared.organisationInForce).to.equal('eso');
    expect(shared.siteSpec.site).to.equal('La Silla Observatory');
    expect(shared.frozenNow()!.toISOString()).to.equal('2026-03-20T23:00:00.000Z');
    expect(shared.getAttribute('data-arc-theme')).to.equal('night');
    expect(shared.localeTag()).to.equal('fr');

    expect(own.siteSpec.site).to.equal('Mauna Kea Observatory');
    expect(own.getAttribute('data-arc-theme')).to.equal('light');
    expect(own.localeTag()).to.equal('de');

    // Both resolve their own site through the shared client; the card's text names it.
    await waitUntil(() => shared.shadowRoot!.textContent!.includes('La Silla'), 'shared site resolved', { timeout: 10_000 });
    await waitUntil(() => own.shadowRoot!.textContent!.includes('Mauna Kea'), 'own site resolved', { timeout: 10_000 });

    // A change on the provider reaches the elements that follow it, not the one with its own value.
    provider.setAttribute('theme', 'dark');
    await shared.updateComplete;
    await own.updateComplete;
    expect(shared.getAttribute('data-arc-theme')).to.equal('dark');
    expect(own.getAttribute('data-arc-theme')).to.equal('light');
  });

  it('an empty organisation attribute opts an element out of the provider’s organisation', async () => {
    const provider = await fixture<ArcProvider>(html`
      <arc-provider api=${emulatorUrl()} organisation="eso">
        <arc-activity-ticker live="false" limit="3"></arc-activity-ticker>
        <arc-activity-ticker live="false" limit="3" organisation=""></arc-activity-ticker>
      </arc-provider>
    `);
    const [scoped, worldwide] = [...provider.querySelectorAll('arc-activity-ticker')] as ArcActivityTicker[];
    expect(scoped.organisationInForce).to.equal('eso');
    expect(worldwide.organisationInForce).to.equal(null);
    await waitUntil(async () => {
      const paths = (await emulator.stats()).paths;
      return paths['/eso/activities/'] && paths['/activities/'];
    }, 'one ticker read the organisation route, the other the worldwide one', { timeout: 10_000 });
  });

  it('a selection made inside becomes the shared one, for every element', async () => {
    const provider = await fixture<ArcProvider>(html`
      <arc-provider api=${emulatorUrl()}><div id="inner"></div></arc-provider>
    `);
    const target = { name: 'M42', ra: 83.822, dec: -5.391 };
    provider.querySelector('#inner')!.dispatchEvent(new ArcSelectEvent({ target, source: 'test' }));
    expect(provider.selection.target).to.deep.equal(target);
    expect(provider.selection.source).to.equal('test');
    provider.selection = { target: null, source: null };
    expect(provider.selection.target).to.equal(null);
  });

  it('defining a tag twice warns instead of throwing', () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      class Other extends ArcNightCard {}
      expect(() => Other.define('arc-night-card')).not.to.throw();
      expect(() => ArcNightCard.define('arc-night-card')).not.to.throw();
    } finally {
      console.warn = warn;
    }
    expect(warnings.length).to.equal(1);
    expect(String(warnings[0][0])).to.contain('<arc-night-card> is already defined');
  });
});
