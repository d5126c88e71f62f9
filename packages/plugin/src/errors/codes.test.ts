import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { en } from '@open-liveness/locales';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from './codes.js';

const doc = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../../docs/errors.md'), 'utf8');

describe('error code table', () => {
  it('documents every code with its message key and retryability', () => {
    for (const [code, entry] of Object.entries(ERROR_CODES)) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${code}\` |`));
      expect(row, `docs/errors.md row for ${code}`).toBeDefined();
      expect(row).toContain(`\`${entry.messageKey}\``);
      expect(row?.trim().endsWith(entry.retryable ? '| yes |' : '| no |')).toBe(true);
    }
  });
  it('points every code at an English message', () => {
    for (const entry of Object.values(ERROR_CODES)) expect(en).toHaveProperty(entry.messageKey);
  });
});
