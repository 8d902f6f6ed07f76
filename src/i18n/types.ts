/** A namespace of UI strings: every key of the English namespace, each a string with `{name}` placeholders. */
export type Strings<T> = { readonly [K in keyof T]: string };

export const LANGS = ['en', 'fr', 'es', 'de', 'zh'] as const;
export type Lang = (typeof LANGS)[number];
