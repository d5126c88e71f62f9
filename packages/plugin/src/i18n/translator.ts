import { builtInPacks, en, type LocaleKey } from '@open-liveness/locales';

/** Language packs known to this plugin instance: built-ins plus `add_lang` additions (merged per key). */
export class LocaleRegistry {
  private readonly packs = new Map<string, Record<string, string>>();

  constructor() {
    for (const [id, pack] of Object.entries(builtInPacks)) this.packs.set(id, { ...pack });
  }

  add(langId: string, pack: Record<string, unknown>): void {
    const strings: Record<string, string> = {};
    for (const [k, v] of Object.entries(pack)) if (typeof v === 'string') strings[k] = v;
    this.packs.set(langId, { ...(this.packs.get(langId) ?? {}), ...strings });
  }

  has(langId: string): boolean {
    return this.packs.has(langId);
  }

  ids(): string[] {
    return [...this.packs.keys()];
  }

  /** A translate function for one language; missing keys fall back to English, then to the key. */
  translator(langId: string): (key: LocaleKey | string) => string {
    const pack = this.packs.get(langId) ?? {};
    const fallback: Record<string, string> = this.packs.get('en') ?? en;
    return (key) => pack[key] ?? fallback[key] ?? key;
  }
}
