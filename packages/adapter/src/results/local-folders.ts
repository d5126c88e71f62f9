import { type OzFolder, ozFolderSchema } from '../api-client/index.js';
import type { LocalFolderReader } from '../routes/deps.js';

/**
 * Result reads from an analysis service in this process: its folder body (the same one its
 * `GET /api/folders/{id}` sends) is checked with the API client's own schema. A folder it does not
 * know, or a body that does not fit, is left to the API (undefined), so nothing is answered that the
 * API path would not answer.
 */
export function localFolderReader(read: (folderId: string) => Promise<unknown>): LocalFolderReader {
  return async (folderId): Promise<OzFolder | undefined> => {
    const raw = await read(folderId);
    if (raw === null || raw === undefined) return undefined;
    const parsed = ozFolderSchema.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  };
}
