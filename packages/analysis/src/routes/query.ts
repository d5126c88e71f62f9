import type { Request } from 'express';
import { type ApiError, apiError, err, ok, type Result } from '../domain/errors.js';
import { type MetaFilter, parseMetaFilter } from '../domain/metaFilter.js';
import type { FolderQuery } from '../storage/types.js';

function first(v: unknown): string | undefined {
  if (Array.isArray(v)) return first(v[0]);
  return typeof v === 'string' ? v : undefined;
}

function all(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(all);
  return typeof v === 'string' ? [v] : [];
}

function numberOr(v: string | undefined, fallback: number | undefined): Result<number | undefined, ApiError> {
  if (v === undefined || v === '') return ok(fallback);
  const n = Number(v);
  return Number.isFinite(n) ? ok(n) : err(apiError('INVALID_TYPE', `Not a number: ${v}`));
}

/** Folder LIST query string (analysis-api.md §6) → a storage query. */
export function folderQueryFrom(
  req: Request,
  companyId: string,
): Result<{ query: FolderQuery; withAnalyses: boolean }, ApiError> {
  const q = req.query;
  const nums = {
    offset: numberOr(first(q.offset), 0),
    limit: numberOr(first(q.limit), 100),
    tcMin: numberOr(first(q['time_created.min']), undefined),
    tcMax: numberOr(first(q['time_created.max']), undefined),
    tuMin: numberOr(first(q['time_updated.min']), undefined),
    tuMax: numberOr(first(q['time_updated.max']), undefined),
  };
  for (const v of Object.values(nums)) if (!v.ok) return v;
  const val = (r: Result<number | undefined, ApiError>) => (r.ok ? r.value : undefined);
  const meta: MetaFilter[] = [];
  for (const raw of all(q.meta_data)) {
    const f = parseMetaFilter(raw);
    if (!f)
      return err(apiError('INVALID_VALUE', `meta_data filter must be key==value or key!=value: ${raw}`));
    meta.push(f);
  }
  const sorting = first(q.sorting) ?? 'time_created{desc}';
  const m = /^(time_created|time_updated)\{(asc|desc)\}$/.exec(sorting);
  if (!m) return err(apiError('INVALID_VALUE', `Unsupported sorting: ${sorting}`));
  const query: FolderQuery = {
    companyId,
    offset: Math.max(0, Math.trunc(val(nums.offset) ?? 0)),
    limit: Math.min(1000, Math.max(0, Math.trunc(val(nums.limit) ?? 100))),
    sort: { field: m[1] as 'time_created' | 'time_updated', dir: m[2] as 'asc' | 'desc' },
    meta,
  };
  const tc = val(nums.tcMin);
  if (tc !== undefined) query.timeCreatedMin = tc;
  const tcx = val(nums.tcMax);
  if (tcx !== undefined) query.timeCreatedMax = tcx;
  const tu = val(nums.tuMin);
  if (tu !== undefined) query.timeUpdatedMin = tu;
  const tux = val(nums.tuMax);
  if (tux !== undefined) query.timeUpdatedMax = tux;
  return ok({ query, withAnalyses: first(q.with_analyses) === 'true' });
}
