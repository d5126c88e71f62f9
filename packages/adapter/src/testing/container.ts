import { type SealEntryInput, sealContainer } from '@open-liveness/trust';

export interface SealedClip {
  readonly action: string;
  readonly frames: readonly Buffer[];
  readonly additionalInfo?: string;
}

/**
 * A container laid out exactly as the plugin seals one (packages/plugin/src/pack/container.ts):
 * `<action>/000.jpg…` frames, `<action>/manifest.json`, evidence `{ "<action>": additional_info }`.
 */
export async function sealClips(
  clips: readonly SealedClip[],
  sessionToken: string,
  recipientPublicKey: string,
  meta: Record<string, string> = {},
): Promise<Uint8Array> {
  const entries: SealEntryInput[] = [];
  const evidence: Record<string, string> = {};
  for (const clip of clips) {
    const names = clip.frames.map((_, i) => `${String(i).padStart(3, '0')}.jpg`);
    clip.frames.forEach((bytes, index) => {
      entries.push({
        name: `${clip.action}/${names[index]}`,
        type: 'image/jpeg',
        kind: 'frame',
        action: clip.action,
        index,
        timestamp_ms: index * 33,
        bytes: new Uint8Array(bytes),
      });
    });
    const manifest = {
      version: 1,
      action: clip.action,
      orientation: 'portrait',
      frames: names.map((name, i) => ({ name, t: i * 33 })),
      best_frame: names[0],
    };
    entries.push({
      name: `${clip.action}/manifest.json`,
      type: 'application/json',
      kind: 'file',
      action: clip.action,
      bytes: new TextEncoder().encode(JSON.stringify(manifest)),
    });
    if (clip.additionalInfo !== undefined) evidence[clip.action] = clip.additionalInfo;
  }
  const sealed = await sealContainer({ sessionToken, recipientPublicKey, entries, evidence, meta });
  if (!sealed.ok) throw new Error(`seal failed: ${sealed.code}: ${sealed.message}`);
  return sealed.value;
}

/** POSTs container bytes the way the plugin does. */
export async function postContainer(
  url: string,
  session: string,
  bytes: Uint8Array,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}/api/v1/sessions/${session}/container`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: new Blob([Uint8Array.from(bytes)]),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
