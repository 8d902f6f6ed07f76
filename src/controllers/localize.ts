import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { catalogFor, format, loadCatalog, matchLang, type Lang } from '../i18n/index.js';

export interface LocalizeHost extends ReactiveControllerHost, HTMLElement {
  /** The language tag in force for this element (own `lang`, provider, ancestors, page, browser). */
  localeTag(): string;
}

/**
 * Strings for one namespace of the UI in the element's language. English is built in;
 * another language is fetched once (a lazy chunk) and the host re-renders when it arrives.
 */
export class LocalizeController<T extends Record<string, string>> implements ReactiveController {
  /** Resolved once per update: finding the language walks up the DOM. */
  private cachedLocale: string | null = null;

  constructor(
    private readonly host: LocalizeHost,
    private readonly namespace: string,
    private readonly english: T,
  ) {
    host.addController(this);
  }

  /** Full BCP 47 tag for Intl formatting (e.g. `fr-CA`). */
  get locale(): string {
    return (this.cachedLocale ??= this.host.localeTag());
  }

  get lang(): Lang {
    return matchLang(this.locale) ?? 'en';
  }

  hostUpdate(): void {
    this.cachedLocale = this.host.localeTag();
    const lang = this.lang;
    if (lang !== 'en' && !catalogFor(lang)) {
      loadCatalog(lang)
        ?.then(() => this.host.requestUpdate())
        .catch(() => {
          /* a missing translation chunk leaves English in place */
        });
    }
  }

  /** The string for `key` with `{placeholders}` filled; English until the translation has loaded. */
  t(key: keyof T & string, vars?: Record<string, unknown>): string {
    const table = this.lang === 'en' ? undefined : catalogFor(this.lang)?.[this.namespace];
    return format(table?.[key] ?? this.english[key] ?? key, vars);
  }

  /** Plural form: looks up `${key}_one`, `${key}_other`, … by Intl.PluralRules, with `{n}` formatted. */
  plural(key: string, n: number, vars?: Record<string, unknown>): string {
    const category = new Intl.PluralRules(this.locale).select(n);
    const full = `${key}_${category}` in this.english ? `${key}_${category}` : `${key}_other`;
    return this.t(full as keyof T & string, { n: new Intl.NumberFormat(this.locale).format(n), ...vars });
  }
}
