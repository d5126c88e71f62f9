import { canonicalKey, LANGUAGES, type LocaleKey } from '@open-liveness/locales';

/** The UI's translate function: only known keys go in, so a typo is a compile error. */
export type Translate = (key: LocaleKey) => string;

/** Fetches one built-in pack (a flat JSON object of strings) by id. */
export type PackFetcher = (id: string) => Promise<Record<string, unknown>>;

const BUILT_IN: ReadonlySet<string> = new Set(LANGUAGES.map((l) => l.id));

/** Keeps only string values, with legacy key names moved to their current names (the current name wins). */
function canonicalStrings(pack: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  const current: Record<string, string> = {};
  for (const [k, v] of Object.entries(pack)) {
    if (typeof v !== 'string') continue;
    const key = canonicalKey(k);
    if (key === k) current[key] = v;
    else out[key] = v;
  }
  return Object.assign(out, current);
}

/**
 * Language packs known to this plugin instance. Built-in packs are separate files fetched on first use, so
 * only the chosen language reaches the page; `add_lang` packs merge per key on top of them. English is the
 * per-key fallback for added languages (built-in packs are complete, so it is fetched only then).
 */
export class LocaleRegistry {
  private readonly loaded = new Map<string, Record<string, string>>();
  private readonly pending = new Map<string, Promise<void>>();
  private readonly added = new Map<string, Record<string, string>>();

  constructor(private readonly fetchPack: PackFetcher) {}

  add(langId: string, pack: Record<string, unknown>): void {
    this.added.set(langId, { ...(this.added.get(langId) ?? {}), ...canonicalStrings(pack) });
  }

  has(langId: string): boolean {
    return BUILT_IN.has(langId) || this.added.has(langId);
  }

  /** Built-in ids first (in their listed order), then the ones added at run time. */
  ids(): string[] {
    const ids = LANGUAGES.map((l) => l.id);
    for (const id of this.added.keys()) if (!BUILT_IN.has(id)) ids.push(id);
    return ids;
  }

  /** Fetches what `langId` needs (its pack, and English for an added language) and returns its translator. */
  async load(langId: string): Promise<Translate> {
    const needed = BUILT_IN.has(langId) ? [langId] : ['en'];
    await Promise.all(needed.map((id) => this.ensure(id)));
    return this.translator(langId);
  }

  /** A translate function over what is loaded now: the pack, then English, then the key itself. */
  translator(langId: string): Translate {
    const pack = { ...(this.loaded.get(langId) ?? {}), ...(this.added.get(langId) ?? {}) };
    const fallback = { ...(this.loaded.get('en') ?? {}), ...(this.added.get('en') ?? {}) };
    return (key) => {
      const k = canonicalKey(key);
      return pack[k] ?? fallback[k] ?? k;
    };
  }

  private ensure(id: string): Promise<void> {
    if (this.loaded.has(id)) return Promise.resolve();
    let p = this.pending.get(id);
    if (!p) {
      p = this.fetchPack(id).then(
        (json) => {
          this.loaded.set(id, canonicalStrings(json));
          this.pending.delete(id);
        },
        (err: unknown) => {
          this.pending.delete(id);
          throw err;
        },
      );
      this.pending.set(id, p);
    }
    return p;
  }
}

/** Fetches `${base}plugin/locales/<id>.json` from the adapter. */
export function adapterPackFetcher(base: string, fetchFn: typeof fetch = fetch): PackFetcher {
  return async (id) => {
    const url = `${base}plugin/locales/${encodeURIComponent(id)}.json`;
    const res = await fetchFn(url);
    if (!res.ok) throw new Error(`language pack ${url}: HTTP ${res.status}`);
    const json: unknown = await res.json();
    if (typeof json !== 'object' || json === null || Array.isArray(json))
      throw new Error(`language pack ${url} is not an object`);
    return json as Record<string, unknown>;
  };
}
