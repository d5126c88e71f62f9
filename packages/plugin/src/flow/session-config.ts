import type { NormalizedOptions } from '../options.js';
import { detectBrowser } from './browser.js';
import { DEFAULT_TIMING, type SessionConfig } from './session-types.js';

/** The browser the session runs in, injected so the machine and its driver can be tested without one. */
export interface SessionEnv {
  location: Pick<Location, 'href' | 'origin' | 'protocol' | 'hostname'>;
  fetch: typeof fetch;
  window: Pick<Window, 'isSecureContext' | 'self' | 'top' | 'navigator'> & { localStorage?: Storage };
}

const EXEMPT_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Secure for the camera: an https page, or plain http on a loopback host (browsers allow both). */
export function isSecurePage(env: SessionEnv): boolean {
  if (env.window.isSecureContext) return true;
  return env.location.protocol === 'https:' || EXEMPT_HOSTS.has(env.location.hostname);
}

function inIframe(env: SessionEnv): boolean {
  try {
    return env.window.self !== env.window.top;
  } catch {
    return true; // a cross-origin parent refuses the comparison
  }
}

export const browserEnv = (): SessionEnv => ({
  location: window.location,
  fetch: window.fetch.bind(window),
  window,
});

export function sessionConfig(
  options: NormalizedOptions,
  env: SessionEnv,
  staticCapture = false,
): SessionConfig {
  return {
    actions: options.action,
    // Capture-only is declared by the page (option or script attribute), never a fallback for a failed request.
    staticDeployment: options.static_deployment === true || staticCapture,
    showInstructions: options.show_instructions === true,
    showResultOutcome: options.show_result_outcome === true,
    secure: isSecurePage(env),
    inIframe: inIframe(env),
    nativeAspect: options.disable_adaptive_aspect_ratio === true,
    browser: detectBrowser(env.window.navigator?.userAgent ?? ''),
    timing: DEFAULT_TIMING,
    onDevicePrecheckBar: options.onDevicePrecheckBar ?? null,
  };
}
