import { type Clip, roundBox } from '../capture/clip.js';

/** The per-archive manifest (docs/protocol.md §2). */
export interface ShotSetManifest {
  version: 1;
  action: string;
  orientation: 'portrait' | 'landscape';
  /** `sha256`: hex digest of the frame's JPEG bytes, checked by the server (frozen or swapped frames). */
  frames: Array<{ name: string; t: number; box: ReturnType<typeof roundBox> | null; sha256?: string }>;
  best_frame: string;
  additional_info: string;
}

export function frameName(index: number): string {
  return `${String(index).padStart(3, '0')}.jpg`;
}

export function shotSetManifest(clip: Clip, additionalInfo: string): ShotSetManifest {
  const first = clip.frames[0]?.metrics;
  const t0 = first?.timestamp ?? 0;
  return {
    version: 1,
    action: clip.action,
    orientation: first && first.frameHeight > first.frameWidth ? 'portrait' : 'landscape',
    frames: clip.frames.map((f, i) => ({
      name: frameName(i),
      t: Math.round(f.metrics.timestamp - t0),
      box: f.metrics.box ? roundBox(f.metrics.box) : null,
    })),
    best_frame: frameName(Math.max(0, clip.bestIndex)),
    additional_info: additionalInfo,
  };
}

/** Hex SHA-256 of some bytes (WebCrypto: available in pages and workers on secure origins). */
export async function sha256Hex(bytes: BufferSource): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The manifest with each frame's content hash, in frame order. */
export function withFrameHashes(manifest: ShotSetManifest, hashes: readonly string[]): ShotSetManifest {
  return { ...manifest, frames: manifest.frames.map((f, i) => ({ ...f, sha256: hashes[i] })) };
}
