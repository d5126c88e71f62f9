import type { DevtoolsReaction } from '@open-liveness/trust';

/** How strict the integrity checks are. Built once from options; the default is strict. */
export interface IntegrityPolicy {
  /**
   * Label patterns (`*` wildcard, case-insensitive) of test devices to treat as ordinary cameras,
   * e.g. `fake_device_*` or `*.mjpeg` for Chromium's fake device in end-to-end tests. Honoured only
   * when `mode` is `development`; the evidence still reports the real label with `trusted: true`.
   */
  readonly trustedTestDevices: readonly string[];
  readonly mode: 'production' | 'development';
  /** What an open-devtools signal does: nothing, a weak reason, or stopping the session. */
  readonly devtools: DevtoolsReaction;
}

export const DEFAULT_INTEGRITY_POLICY: IntegrityPolicy = {
  trustedTestDevices: [],
  mode: 'production',
  devtools: 'flag',
};

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}

/** True when the policy trusts this camera label (development mode only). */
export function isTrustedTestDevice(label: string, policy: IntegrityPolicy): boolean {
  if (policy.mode !== 'development' || label.trim() === '') return false;
  return policy.trustedTestDevices.some((pattern) => globToRegExp(pattern.trim()).test(label.trim()));
}
