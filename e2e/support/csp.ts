import type { Page } from '@playwright/test';

/**
 * The strict policy an integrator sets (no 'unsafe-eval', no 'unsafe-inline'), `adapter` being the adapter's
 * origin. Keep in step with docs/integration.md, "Strict Content-Security-Policy".
 */
export function strictCsp(adapter: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${adapter}`,
    'worker-src blob:',
    `connect-src 'self' ${adapter}`,
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** Records every CSP violation report of the page's documents into `window.cspViolations`. */
export async function recordCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
}

export const cspViolations = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
