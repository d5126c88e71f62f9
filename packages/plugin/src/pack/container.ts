import { type SealEntryInput, sealContainer } from '@open-liveness/trust';
import type { Clip } from '../capture/clip.js';
import { LivenessFailure } from '../errors/codes.js';
import { frameName, sha256Hex, shotSetManifest, withFrameHashes } from './shot-set.js';

/**
 * Seals every clip (frames, per-action manifests and evidence) into one encrypted container bound to
 * the session token (docs/container.md). Frames keep their capture timestamps; the format hashes each.
 */
export async function sealCapture(
  clips: ReadonlyArray<{ clip: Clip; additionalInfo: string }>,
  sessionToken: string,
  recipientPublicKey: string,
  meta: Record<string, string>,
): Promise<Uint8Array> {
  const entries: SealEntryInput[] = [];
  const evidence: Record<string, string> = {};
  for (const { clip, additionalInfo } of clips) {
    const t0 = clip.frames[0]?.metrics.timestamp ?? 0;
    const hashes: string[] = [];
    for (const [index, frame] of clip.frames.entries()) {
      const bytes = new Uint8Array(await frame.jpeg.arrayBuffer());
      hashes.push(await sha256Hex(bytes));
      entries.push({
        name: `${clip.action}/${frameName(index)}`,
        type: 'image/jpeg',
        kind: 'frame',
        action: clip.action,
        index,
        timestamp_ms: Math.round(frame.metrics.timestamp - t0),
        bytes,
      });
    }
    entries.push({
      name: `${clip.action}/manifest.json`,
      type: 'application/json',
      kind: 'file',
      action: clip.action,
      bytes: new TextEncoder().encode(
        JSON.stringify(withFrameHashes(shotSetManifest(clip, additionalInfo), hashes)),
      ),
    });
    evidence[clip.action] = additionalInfo;
  }
  const sealed = await sealContainer({ sessionToken, recipientPublicKey, entries, evidence, meta });
  if (!sealed.ok)
    throw new LivenessFailure('container_rejected', `could not seal: ${sealed.code}: ${sealed.message}`);
  return sealed.value;
}
