import { join } from 'node:path';
import { FileBlobStore } from './fileBlobs.js';
import { SqliteMetadataStore } from './sqlite.js';
import type { Storage } from './types.js';

/** Default storage: `<dataDir>/analysis.sqlite` for records and `<dataDir>/blobs/` for bytes. */
export function openDefaultStorage(dataDir: string): Storage {
  const meta = new SqliteMetadataStore(join(dataDir, 'analysis.sqlite'));
  const blobs = new FileBlobStore(join(dataDir, 'blobs'));
  return { meta, blobs, close: () => meta.close() };
}

export type { BlobStore, FolderQuery, MetadataStore, Storage } from './types.js';
