/**
 * Language selection and lazy loading of translations. English ships inside each element;
 * other languages load on first use as separate chunks.
 */
import { LANGS, type Lang } from './types.js';

export type { Lang, Strings } from './types.js';
export { LANGS };

type Catalog = Record<string, Record<string, string>>;

const loaders: Record<Exclude<Lang, 'en'>, () => Promise<Catalog>> = {
  fr: () => import('./fr.js') as unknown as Promise<Catalog>,
  es: () => import('./es.js') as unknown as Promise<Catalog>,
  de: () => import('./de.js') as unknown as Promise<Catalog>,
  zh: () => import('./zh.js') as unknown as Promise<Catalog>,
};

const loaded = new Map<Lang, Catalog>();
const pending = new Map<Lang, Promise<Catalog>>();

/** The supported language for a BCP 47 tag (`fr-CA` → `fr`, `zh-Hant` → `zh`), or null. */
export function matchLang(tag: string | null | undefined): Lang | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return (LANGS as readonly string[]).includes(primary) ? (primary as Lang) : null;
}

/** The catalog for a language if already loaded (English is never loaded: callers use their built-in strings). */
export function catalogFor(lang: Lang): Catalog | undefined {
  return loaded.get(lang);
}

export function loadCatalog(lang: Lang): Promise<Catalog> | null {
  if (lang === 'en') return null;
  let p = pending.get(lang);
  if (!p) {
    p = loaders[lang]().then((mod) => {
      loaded.set(lang, mod);
      return mod;
    });
    pending.set(lang, p);
  }
  return p;
}

/** Replace `{name}` placeholders. */
export function format(template: string, vars?: Record<string, unknown>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
