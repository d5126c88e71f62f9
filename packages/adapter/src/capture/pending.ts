import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FolderUpload } from '../api-client/index.js';

/** Event ids become directory names: only this shape is used as is (the session layer ensures it). */
const SAFE_ID = /^[A-Za-z0-9-]{8,64}$/;

/**
 * Keeps a validated upload that could not reach the API, so an operator can replay it later:
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
  const dir = join(dataDir, 'pending', session, attempt);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  for (const f of upload.files) await writeFile(join(dir, f.filename), f.data, { mode: 0o600 });
  const record = {
    ...extra,
    saved_at: new Date().toISOString(),
    payload: upload.payload,
    files: upload.files.map((f) => ({ key: f.key, filename: f.filename, mime_type: f.mimeType })),
  };
  await writeFile(join(dir, 'payload.json'), `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
  return dir;
}
