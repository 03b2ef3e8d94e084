/** What the side panel and the tags view share of their string catalogs. */

/** The catalog for `locale`: exact, else its language (`de-AT` → `de`), else English. */
export function pickCatalog<C>(catalogs: Record<string, C>, locale: string): { key: string; catalog: C } {
  const language = locale.split('-')[0]!;
  const key = catalogs[locale] ? locale : catalogs[language] ? language : 'en';
  return { key, catalog: catalogs[key]! };
}

/** Fills `{name}` parameters; a missing one stays visible as `{name}`. */
export function interpolate(message: string, params: Record<string, string | number> = {}): string {
  return message.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
