import type { OpenedContainer, OpenedEntry } from '@open-liveness/trust';
import { parseUploadManifest, type UploadManifest } from '../capture/upload-manifest.js';
import {
  accept,
  MANIFEST_NAME,
  type MultipartFile,
  type ParsedMultipart,
  reject,
  type UploadLimits,
  type UploadResult,
} from '../uploads/index.js';
import { writeStoredZip } from './zip-writer.js';

/** What a multipart upload would have carried: the sealed capture then takes the same validation path. */
export interface ContainerCapture {
  readonly form: ParsedMultipart;
  readonly manifest: UploadManifest;
}

interface ActionGroup {
  readonly action: string;
  readonly frames: Array<{ readonly base: string; readonly index: number; readonly bytes: Uint8Array }>;
  manifest?: Uint8Array;
}

const VIDEO_ACTION = /^video_selfie_[a-z0-9_]+$/;

/** `<action>/<base>` with the entry's own `action`; the base becomes the ZIP entry name. */
function baseName(entry: OpenedEntry): string | null {
  if (entry.action === undefined || !VIDEO_ACTION.test(entry.action)) return null;
  const prefix = `${entry.action}/`;
  if (!entry.name.startsWith(prefix)) return null;
  const base = entry.name.slice(prefix.length);
  return base === '' || base.includes('/') ? null : base;
}

function groupByAction(entries: readonly OpenedEntry[]): UploadResult<ActionGroup[]> {
  const groups = new Map<string, ActionGroup>();
  for (const entry of entries) {
    const base = baseName(entry);
    if (base === null || entry.action === undefined) {
      return reject('upload_bad_entry_name', `container entry ${JSON.stringify(entry.name)}`);
    }
    let group = groups.get(entry.action);
    if (group === undefined) {
      group = { action: entry.action, frames: [] };
      groups.set(entry.action, group);
    }
    if (entry.kind === 'frame' && entry.type === 'image/jpeg' && entry.index !== undefined) {
      group.frames.push({ base, index: entry.index, bytes: entry.bytes });
    } else if (entry.kind === 'file' && base === MANIFEST_NAME) {
      group.manifest = entry.bytes;
    } else {
      // Nothing travels unlisted: an entry the adapter would not forward is refused, not dropped.
      return reject('upload_unexpected_field', `container entry ${JSON.stringify(entry.name)}`);
    }
  }
  return accept([...groups.values()]);
}

/**
 * The shot set's manifest.json with `additional_info` taken from the container's evidence (the
 * plugin seals `{ "<action>": "<additional_info>" }`), falling back to what the manifest carries.
 */
function shotManifest(group: ActionGroup, evidence: unknown): UploadResult<Uint8Array> {
  if (group.manifest === undefined) return reject('upload_bad_manifest', `${group.action}: no manifest.json`);
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(group.manifest).toString('utf8')) as unknown;
  } catch {
    return reject('upload_bad_manifest', `${group.action}/manifest.json: not JSON`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return reject('upload_bad_manifest', `${group.action}/manifest.json: not an object`);
  }
  const info =
    typeof evidence === 'object' && evidence !== null && !Array.isArray(evidence)
      ? (evidence as Record<string, unknown>)[group.action]
      : undefined;
  const merged = typeof info === 'string' ? { ...json, additional_info: info } : json;
  return accept(new Uint8Array(Buffer.from(JSON.stringify(merged), 'utf8')));
}

/**
 * Turns an opened container back into one shot-set ZIP per action (frames in index order plus that
 * action's manifest.json) and the upload manifest a multipart upload would have sent, so the
 * capture is validated, tagged and analysed exactly like `/media` (collectMedia and what follows).
 */
export function captureFromContainer(
  opened: OpenedContainer,
  limits: UploadLimits,
): UploadResult<ContainerCapture> {
  const grouped = groupByAction(opened.entries);
  if (!grouped.ok) return grouped;
  const groups = grouped.value;
  if (groups.length === 0) return reject('upload_missing_field', 'the container holds no capture');
  if (groups.length > limits.maxFiles) {
    return reject('upload_too_many_files', `${groups.length} actions > ${limits.maxFiles}`);
  }
  const files: MultipartFile[] = [];
  const media: Array<{ field: string; action: string; kind: 'shots_set' }> = [];
  for (const [i, group] of groups.entries()) {
    const manifest = shotManifest(group, opened.manifest.evidence);
    if (!manifest.ok) return manifest;
    const frames = [...group.frames].sort((a, b) => a.index - b.index);
    if (new Set(frames.map((f) => f.index)).size !== frames.length) {
      return reject('upload_bad_manifest', `${group.action}: a frame index repeats`);
    }
    const zip = writeStoredZip([
      ...frames.map((f) => ({ name: f.base, data: f.bytes })),
      { name: MANIFEST_NAME, data: manifest.value },
    ]);
    const field = `video${i + 1}`;
    files.push({ field, data: zip, declaredType: 'application/zip' });
    media.push({ field, action: group.action, kind: 'shots_set' });
  }
  // The same strict manifest checks as a multipart upload, meta included.
  const manifest = parseUploadManifest(JSON.stringify({ version: 1, media, meta: opened.manifest.meta }));
  if (!manifest.ok) return manifest;
  return accept({ form: { fields: {}, files }, manifest: manifest.value });
}
