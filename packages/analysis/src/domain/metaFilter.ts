import type { JsonObject, JsonValue } from './types.js';

/** One `meta_data` list filter: `key==value` or `key!=value`. Dotted keys reach nested objects. */
export interface MetaFilter {
  readonly path: readonly string[];
  readonly op: 'eq' | 'ne';
  readonly value: string;
}

/** Parses one `meta_data` query value; returns null when it has neither `==` nor `!=`. */
export function parseMetaFilter(raw: string): MetaFilter | null {
  const ne = raw.indexOf('!=');
  const eq = raw.indexOf('==');
  const useNe = ne !== -1 && (eq === -1 || ne < eq);
  const at = useNe ? ne : eq;
  if (at <= 0) return null;
  const key = raw.slice(0, at).trim();
  if (!key) return null;
  return { path: key.split('.'), op: useNe ? 'ne' : 'eq', value: raw.slice(at + 2) };
}

function lookup(meta: JsonObject, path: readonly string[]): JsonValue | undefined {
  let cur: JsonValue | undefined = meta;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

/** Query strings carry text only, so stored scalars compare by their text form. */
function textOf(v: JsonValue | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (v === null) return 'null';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

export function matchesMeta(meta: JsonObject, filter: MetaFilter): boolean {
  const actual = textOf(lookup(meta, filter.path));
  return filter.op === 'eq' ? actual === filter.value : actual !== filter.value;
}

export function matchesAllMeta(meta: JsonObject, filters: readonly MetaFilter[]): boolean {
  return filters.every((f) => matchesMeta(meta, f));
}
