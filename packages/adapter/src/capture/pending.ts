import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { FolderUpload } from '../api-client/index.js';

/** Event ids become directory names: only this shape is used as is (the session layer ensures it). */
const SAFE_ID = /^[A-Za-z0-9-]{8,64}$/;

/** `<dataDir>/pending/`: uploads kept while the API was down, waiting for a replay (replay.ts). */
export const pendingRoot = (dataDir: string): string => join(dataDir, 'pending');
/** `<dataDir>/pending-rejected/`: kept uploads the API refused for good when replayed; kept for the operator. */
export const rejectedRoot = (dataDir: string): string => join(dataDir, 'pending-rejected');

/** The `payload.json` of a kept upload: what keepPending writes and replay reads back. */
export const pendingRecordSchema = z.looseObject({
  event_session_id: z.string(),
  analyses: z.array(z.looseObject({ type: z.enum(['quality', 'biometry', 'collection', 'documents']) })),
  instant: z.boolean(),
  /** Set when the folder was created and only launching the analyses failed. */
  folder_id: z.string().min(1).optional(),
  saved_at: z.string(),
  payload: z.looseObject({
    'folder:meta_data': z.record(z.string(), z.string()).optional(),
    'media:tags': z.record(z.string(), z.array(z.string())),
  }),
  files: z
    .array(
      z.strictObject({
        key: z.string().regex(/^(video|photo)[1-9][0-9]?$/),
        filename: z.string().regex(/^(video|photo)[1-9][0-9]?\.[a-z0-9]{2,4}$/),
        mime_type: z.string(),
      }),
    )
    .min(1),
});
export type PendingRecord = z.output<typeof pendingRecordSchema>;

/**
 * Keeps a validated upload that could not reach the API, so it can be replayed later:
 * `<dataDir>/pending/<event_session_id>/<attempt>/payload.json` plus one file per media with the
 * names the adapter chose (`video1.zip`, `photo1.jpg`). Nothing from the client names a path.
 */
export async function keepPending(
  dataDir: string,
  eventSessionId: string,
  upload: FolderUpload,
  extra: Readonly<Record<string, unknown>>,
): Promise<string> {
  const session = SAFE_ID.test(eventSessionId) ? eventSessionId : 'unknown-session';
  const attempt = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
  const dir = join(pendingRoot(dataDir), session, attempt);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  for (const f of upload.files) await writeFile(join(dir, f.filename), f.data, { mode: 0o600 });
  const record = {
    ...extra,
    saved_at: new Date().toISOString(),
    payload: upload.payload,
    files: upload.files.map((f) => ({ key: f.key, filename: f.filename, mime_type: f.mimeType })),
  };
  // Written last: a directory without payload.json is an upload still being kept, never replayed.
  await writeFile(join(dir, 'payload.json.tmp'), `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
  await rename(join(dir, 'payload.json.tmp'), join(dir, 'payload.json'));
  return dir;
}
