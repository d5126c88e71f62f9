import { accept, reject, type UploadResult } from './errors.js';

/**
 * The plugin writes flat archives (`manifest.json`, `frame_0001.jpg`, …), so anything else is
 * refused rather than sanitised: directories, `..`, absolute or drive paths, backslashes, control
 * characters and over-long names. Names are never used as file-system paths either way; this
 * only keeps downstream tools (and the Oz API, which unpacks the shot set) out of trouble.
 */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function checkEntryName(name: string): UploadResult<string> {
  let reason: string | undefined;
  if (name.includes('\\')) reason = 'backslash';
  else if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) reason = 'absolute path';
  else if (name.split('/').some((part) => part === '..')) reason = 'parent traversal';
  else if (name.includes('/')) reason = 'directory';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: detecting control characters is the point
  else if (/[\u0000-\u001f\u007f]/.test(name)) reason = 'control character';
  else if (!SAFE_NAME.test(name)) reason = 'characters outside [A-Za-z0-9._-] or too long';
  if (reason !== undefined) return reject('upload_bad_entry_name', `${JSON.stringify(name)}: ${reason}`);
  return accept(name);
}

/**
 * Duplicates are compared case-insensitively: two entries differing only in case would collide on
 * a case-insensitive file system and make "which one was analysed" ambiguous.
 */
export function findDuplicate(names: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const name of names) {
    const folded = name.toLowerCase();
    if (seen.has(folded)) return name;
    seen.add(folded);
  }
  return undefined;
}
