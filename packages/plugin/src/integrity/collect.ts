import type {
  AutomationRecord,
  CameraLabelRecord,
  CameraListRecord,
  DevtoolsReaction,
  DevtoolsRecord,
  TrackSettingsRecord,
} from '@open-liveness/trust';
import { automationRecord } from './automation.js';
import type { CadenceSamples } from './cadence.js';
import { devtoolsRecord } from './devtools.js';
import { cameraLabelRecord, cameraListRecord } from './labels.js';
import type { IntegrityPolicy } from './policy.js';
import type { FunctionProbe } from './tampering.js';
import { trackSettingsRecord } from './track.js';

/**
 * The thin DOM edge of the integrity module: reads browser objects handed in by the caller and
 * turns them into the plain inputs of the pure heuristics. Structural parameter types keep it
 * testable in Node with hand-made objects.
 */

export interface TrackLike {
  readonly label: string;
  getSettings(): object;
  getCapabilities?: () => object;
}

export interface DeviceLike {
  readonly kind: string;
  readonly label: string;
}

export interface NavigatorLike {
  readonly webdriver?: boolean;
  readonly userAgent: string;
  readonly userAgentData?: {
    readonly brands?: readonly { readonly brand: string }[];
    readonly mobile?: boolean;
  };
}

export interface WindowLike {
  readonly outerWidth: number;
  readonly innerWidth: number;
  readonly outerHeight: number;
  readonly innerHeight: number;
}

function asRecord(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

export function collectTrackRecords(
  track: TrackLike,
  policy: IntegrityPolicy,
): readonly [CameraLabelRecord, TrackSettingsRecord] {
  let capabilities: Readonly<Record<string, unknown>> | null = null;
  if (typeof track.getCapabilities === 'function') {
    try {
      capabilities = asRecord(track.getCapabilities());
    } catch {
      capabilities = {}; // present but throwing is itself odd: reported as missing capabilities
    }
  }
  return [
    cameraLabelRecord(track.label, policy),
    trackSettingsRecord(asRecord(track.getSettings()), capabilities),
  ];
}

/** From `await navigator.mediaDevices.enumerateDevices()` (after permission, so labels are filled). */
export function collectCameraList(devices: readonly DeviceLike[]): CameraListRecord {
  return cameraListRecord(
    devices.filter((device) => device.kind === 'videoinput').map((device) => device.label),
  );
}

export function collectAutomation(nav: NavigatorLike): AutomationRecord {
  return automationRecord({
    webdriver: nav.webdriver,
    userAgent: nav.userAgent,
    brands: (nav.userAgentData?.brands ?? []).map((entry) => entry.brand),
  });
}

export function collectDevtools(
  win: WindowLike,
  nav: NavigatorLike,
  reaction: DevtoolsReaction,
): DevtoolsRecord {
  const mobile = nav.userAgentData?.mobile ?? /Mobi|Android|iPhone|iPad/i.test(nav.userAgent);
  // The four sizes only: spreading the real window would copy every one of its properties (about 120 kB).
  const { outerWidth, innerWidth, outerHeight, innerHeight } = win;
  return devtoolsRecord({ outerWidth, innerWidth, outerHeight, innerHeight, mobile }, reaction);
}

type AnyFunction = (...args: never[]) => unknown;

function read(target: unknown, key: string): unknown {
  if ((typeof target !== 'object' && typeof target !== 'function') || target === null) return undefined;
  try {
    return (target as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/**
 * Source probes for the functions an injection script typically replaces. Pass `globalThis`.
 * `sourceOf` can be supplied from a fresh iframe's realm, which a page script is less likely to have
 * patched than this realm's `Function.prototype.toString`.
 */
export function probeMediaFunctions(
  scope: unknown,
  sourceOf: (fn: AnyFunction) => string = (fn) => Function.prototype.toString.call(fn),
): FunctionProbe[] {
  const source = (fn: unknown): string | null => {
    if (typeof fn !== 'function') return null;
    try {
      return sourceOf(fn as AnyFunction);
    } catch {
      return ''; // a toString that throws on a function is not native behaviour
    }
  };
  const proto = (ctor: string) => read(read(scope, ctor), 'prototype');
  const mediaDevices = read(read(scope, 'navigator'), 'mediaDevices');
  const probes: FunctionProbe[] = [];
  for (const method of ['getUserMedia', 'enumerateDevices']) {
    const onPrototype = read(proto('MediaDevices'), method);
    const onInstance = read(mediaDevices, method);
    probes.push({ name: `MediaDevices.prototype.${method}`, source: source(onPrototype) });
    if (onInstance !== undefined) {
      probes.push({
        name: `navigator.mediaDevices.${method}`,
        source: source(onInstance),
        sameAsPrototype: onInstance === onPrototype,
      });
    }
  }
  for (const method of ['getSettings', 'getCapabilities']) {
    probes.push({
      name: `MediaStreamTrack.prototype.${method}`,
      source: source(read(proto('MediaStreamTrack'), method)),
    });
  }
  probes.push({
    name: 'HTMLVideoElement.prototype.requestVideoFrameCallback',
    source: source(read(proto('HTMLVideoElement'), 'requestVideoFrameCallback')),
  });
  probes.push({ name: 'Function.prototype.toString', source: source(read(proto('Function'), 'toString')) });
  return probes;
}

/**
 * Per-frame recorder for `requestVideoFrameCallback`: writes into preallocated typed arrays (no
 * allocation on the hot path) and stops recording once full, which bounds memory for long sessions.
 */
export class CadenceRecorder {
  // Plain private fields, not #fields: at the es2020 build target #fields become WeakMap helpers that
  // allocate on every access, which on this per-frame path is the allocation the class exists to avoid.
  private readonly now: Float64Array;
  private readonly mediaTime: Float64Array;
  private readonly hash: Float64Array;
  private count = 0;
  private hasHash = false;

  constructor(capacity = 900) {
    this.now = new Float64Array(capacity);
    this.mediaTime = new Float64Array(capacity);
    this.hash = new Float64Array(capacity);
  }

  /** Call from the rVFC callback with its `now` and `metadata.mediaTime`. */
  onFrame(now: number, mediaTime: number, contentHash?: number): void {
    if (this.count >= this.now.length) return;
    this.now[this.count] = now;
    this.mediaTime[this.count] = mediaTime;
    if (contentHash !== undefined) {
      this.hash[this.count] = contentHash;
      this.hasHash = true;
    }
    this.count++;
  }

  samples(): CadenceSamples {
    const count = this.count;
    return {
      count,
      now: this.now.subarray(0, count),
      mediaTime: this.mediaTime.subarray(0, count),
      ...(this.hasHash ? { contentHash: this.hash.subarray(0, count) } : {}),
    };
  }

  reset(): void {
    this.count = 0;
    this.hasHash = false;
  }
}
