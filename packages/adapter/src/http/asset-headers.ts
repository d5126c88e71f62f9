import { createHash } from 'node:crypto';
import { readFileSync, type Stats } from 'node:fs';
import { extname } from 'node:path';
import type { Response } from 'express';

/** Exact types of what the plugin loads; anything else is served as bytes. */
const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.php': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.task': 'application/octet-stream',
  '.tflite': 'application/octet-stream',
  '.onnx': 'application/octet-stream',
  '.bin': 'application/octet-stream',
};

export function assetType(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

const etags = new Map<string, { key: string; etag: string }>();

/** A strong ETag from the file's content, computed once per (size, mtime) of the file. */
export function strongEtag(file: string, stat: Pick<Stats, 'size' | 'mtimeMs'>): string {
  const key = `${stat.size}:${stat.mtimeMs}`;
  const known = etags.get(file);
  if (known?.key === key) return known.etag;
  const etag = `"${createHash('sha256').update(readFileSync(file)).digest('base64url').slice(0, 32)}"`;
  etags.set(file, { key, etag });
  return etag;
}

/**
 * Headers of every file the plugin loads from the adapter (docs/embedding.md, "Asset policy"): readable
 * by any page (`*`, no credentials) and embeddable by a cross-origin isolated one (CORP cross-origin),
 * typed exactly, and cached by revalidation: the names are stable, so a browser keeps each file and asks
 * with its strong ETag whether it changed (a 304 of a few bytes), which keeps the plugin, its workers,
 * the wasm and the model of one adapter version together after an upgrade.
 */
export function setAssetHeaders(
  res: Response,
  file: string,
  stat: Pick<Stats, 'size' | 'mtimeMs'>,
  /** The validator when the served bytes are not the file's own (the personalised script). */
  etag?: string,
): void {
  res.set('Access-Control-Allow-Origin', '*');
  res.set('Cross-Origin-Resource-Policy', 'cross-origin');
  res.set('Timing-Allow-Origin', '*');
  res.set('Content-Type', assetType(file));
  res.set('Cache-Control', 'public, no-cache');
  res.set('ETag', etag ?? strongEtag(file, stat));
}
