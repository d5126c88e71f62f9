import { readFileSync } from 'node:fs';

function readVersion(relative: string): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Versions printed at start and on /debug.php (the original adapter logs its own and the plugin's). */
export interface Versions {
  readonly adapter: string;
  readonly plugin: string;
  readonly node: string;
}

export function versions(): Versions {
  return {
    adapter: readVersion('../package.json'),
    plugin: readVersion('../../plugin/package.json'),
    node: process.versions.node,
  };
}
