import { describe, expect, it } from 'vitest';
import { checkEntryName, findDuplicate } from './entry-name.js';

describe('checkEntryName', () => {
  it.each(['manifest.json', 'frame_0001.jpg', 'a-b.c_d.JPG'])('accepts %s', (name) => {
    expect(checkEntryName(name).ok).toBe(true);
  });

  it.each([
    ['../evil.jpg', 'backslash|traversal'],
    ['frames/../../evil.jpg', 'traversal'],
    ['..', 'traversal'],
    ['/etc/passwd', 'absolute'],
    ['C:evil.jpg', 'absolute'],
    ['C:\\evil.jpg', 'backslash'],
    ['..\\evil.jpg', 'backslash'],
    ['frames/f1.jpg', 'directory'],
    ['frames/', 'directory'],
    ['evil\u0000.jpg', 'control'],
    ['.hidden', 'characters'],
    ['', 'characters'],
    [`${'a'.repeat(200)}.jpg`, 'characters'],
    ['fr ame.jpg', 'characters'],
  ])('refuses %j', (name) => {
    const r = checkEntryName(name);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('upload_bad_entry_name');
      expect(r.error.status).toBe(400);
    }
  });

  it('finds duplicates regardless of case', () => {
    expect(findDuplicate(['a.jpg', 'b.jpg'])).toBeUndefined();
    expect(findDuplicate(['a.jpg', 'b.jpg', 'a.jpg'])).toBe('a.jpg');
    expect(findDuplicate(['A.jpg', 'a.JPG'])).toBe('a.JPG');
  });
});
