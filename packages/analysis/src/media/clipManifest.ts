import { z } from 'zod';

/**
 * The part of the plugin's shot-set `manifest.json` (docs/protocol.md §2) the server checks: frame
 * order, capture time (ms from the first frame) and the SHA-256 of each frame's bytes. Other
 * fields are the packer's business and ignored here.
 */
const clipManifestSchema = z.looseObject({
  frames: z
    .array(
      z.looseObject({
        name: z.string().min(1).max(256),
        t: z.number().optional(),
        sha256: z
          .string()
          .regex(/^[0-9a-f]{64}$/)
          .optional(),
      }),
    )
    .min(1)
    .max(5000),
});

export interface ClipManifestFrame {
  readonly name: string;
  readonly t: number | undefined;
  readonly sha256: string | undefined;
}

/** The manifest's frames, or null when it is absent or does not parse (the caller decides what that costs). */
export function parseClipManifest(text: string | undefined): ClipManifestFrame[] | null {
  if (text === undefined) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = clipManifestSchema.safeParse(json);
  if (!parsed.success) return null;
  return parsed.data.frames.map((f) => ({ name: f.name, t: f.t, sha256: f.sha256 }));
}
