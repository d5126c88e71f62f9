import type { EvidenceReason, TamperingRecord } from '@open-liveness/trust';

/**
 * Shape of `Function.prototype.toString()` for a built-in: `function name() { [native code] }`,
 * with whitespace/newlines varying by engine (Firefox breaks lines), and an optional `get `/`set `
 * prefix for accessors.
 */
const NATIVE_SOURCE = /^(?:function\s*)?(?:[gs]et\s+)?[\w$]*\s*\(\s*\)\s*\{\s*\[native code\]\s*\}$/;

export function isNativeSource(source: string): boolean {
  return NATIVE_SOURCE.test(source.trim());
}

export interface FunctionProbe {
  /** Dotted name for the evidence, e.g. `MediaDevices.prototype.getUserMedia`. */
  readonly name: string;
  /** The function's source text, or null when the function does not exist. */
  readonly source: string | null;
  /**
   * False when the instance's method differs from the prototype's (someone assigned an own
   * property on `navigator.mediaDevices`); undefined when not applicable.
   */
  readonly sameAsPrototype?: boolean;
}

/**
 * Flags media functions replaced by JavaScript — the classic injection route that swaps the camera
 * stream for a canvas or a video file. A careful attacker can wrap a native in a Proxy or patch
 * `toString` too, so a clean result proves little; a dirty one is strong evidence.
 */
export function tamperingRecord(probes: readonly FunctionProbe[]): TamperingRecord {
  const functions = probes.map((probe) => ({
    name: probe.name,
    native: probe.source === null ? null : isNativeSource(probe.source) && probe.sameAsPrototype !== false,
  }));
  const reasons: EvidenceReason[] = functions.some((fn) => fn.native === false)
    ? ['native_function_tampered']
    : [];
  return { type: 'tampering', functions, reasons };
}
