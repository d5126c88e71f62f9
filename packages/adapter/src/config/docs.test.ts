import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DEFAULT_UPLOAD_LIMITS, uploadLimitsFromConfig } from '../uploads/limits.js';
import { envVarName } from './env.js';
import { parseConfig } from './load.js';
import { configSchema } from './schema.js';

const read = (rel: string) => readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8');

/** Leaf key paths of the schema, looking through defaults, optionals and preprocess pipes. */
function leafPaths(schema: z.core.$ZodType, prefix: string[] = []): string[][] {
  const def = schema._zod.def as unknown as {
    type: string;
    innerType?: z.core.$ZodType;
    out?: z.core.$ZodType;
    shape?: Record<string, z.core.$ZodType>;
  };
  if (def.innerType) return leafPaths(def.innerType, prefix);
  if (def.type === 'pipe' && def.out) return leafPaths(def.out, prefix);
  if (def.type === 'object' && def.shape) {
    return Object.entries(def.shape).flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
  }
  return [prefix];
}

describe('configuration documentation', () => {
  const docs = read('../../../../docs/configuration.md');
  const paths = leafPaths(configSchema);

  it('finds the keys (sanity check of the walker)', () => {
    expect(paths.length).toBeGreaterThan(40);
    expect(paths).toContainEqual(['analyses', 'collection_ids']);
  });

  it('documents every key with its environment variable', () => {
    const undocumented = paths.filter(
      (p) => !docs.includes(`\`${p.join('.')}\``) || !docs.includes(envVarName(p)),
    );
    expect(undocumented).toEqual([]);
  });

  it('ships an example file that is valid, even in production', () => {
    const example = JSON.parse(read('../../app_config.example.json')) as unknown;
    const r = parseConfig(example, {}, { nodeEnv: 'production' });
    expect(r.ok ? r.warnings : r.error.issues).toEqual([]);
  });

  it('has upload defaults that agree with the uploads module', () => {
    const r = parseConfig({}, {});
    expect(r.ok && uploadLimitsFromConfig(r.config.limits)).toEqual(DEFAULT_UPLOAD_LIMITS);
  });
});
