import type { EvidenceReason, TrackSettingsRecord } from '@open-liveness/trust';

/**
 * Consistency of `MediaStreamTrack.getSettings()` against `getCapabilities()`. Injected streams
 * (canvas.captureStream, a patched getUserMedia, some virtual drivers) often report settings no real
 * camera produces, or capabilities that are empty or pinned to one exact mode.
 */

export interface Range {
  readonly min: number;
  readonly max: number;
}

/** Settings fields copied into the evidence; deviceId/groupId are left out as identifiers. */
const SETTING_KEYS = ['width', 'height', 'frameRate', 'aspectRatio', 'facingMode', 'resizeMode'] as const;
const RANGE_KEYS = ['width', 'height', 'frameRate', 'aspectRatio'] as const;
const MAX_PLAUSIBLE_FPS = 240;

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function range(value: unknown): Range | null {
  if (typeof value !== 'object' || value === null) return null;
  const { min, max } = value as { min?: unknown; max?: unknown };
  const lo = num(min);
  const hi = num(max);
  return lo === null || hi === null ? null : { min: lo, max: hi };
}

function pickSettings(
  settings: Readonly<Record<string, unknown>>,
): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const key of SETTING_KEYS) {
    const value = settings[key];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      out[key] = value;
  }
  return out;
}

function pickCapabilities(caps: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of RANGE_KEYS) {
    const r = range(caps[key]);
    if (r !== null) out[key] = r;
  }
  for (const key of ['facingMode', 'resizeMode'] as const) {
    const value = caps[key];
    if (Array.isArray(value)) out[key] = value.filter((item) => typeof item === 'string');
  }
  return out;
}

/**
 * @param capabilities the result of `getCapabilities()`, or null when the browser lacks the method
 *   (older Firefox) — absence is then normal and not counted.
 */
export function trackSettingsRecord(
  settings: Readonly<Record<string, unknown>>,
  capabilities: Readonly<Record<string, unknown>> | null,
): TrackSettingsRecord {
  const problems: string[] = [];
  const reasons = new Set<EvidenceReason>();
  const flag = (reason: EvidenceReason, problem: string) => {
    reasons.add(reason);
    problems.push(problem);
  };

  const width = num(settings.width);
  const height = num(settings.height);
  const fps = num(settings.frameRate);
  const aspect = num(settings.aspectRatio);
  if (width === null || height === null || width <= 0 || height <= 0) {
    flag('settings_impossible', 'width/height missing or not positive');
  } else if (!Number.isInteger(width) || !Number.isInteger(height)) {
    flag('settings_impossible', `fractional frame size ${width}x${height}`);
  }
  if (fps !== null && (fps <= 0 || fps > MAX_PLAUSIBLE_FPS)) flag('settings_impossible', `frame rate ${fps}`);
  if (aspect !== null && width !== null && height !== null && height > 0) {
    if (Math.abs(aspect - width / height) > 0.01 * (width / height)) {
      flag('settings_impossible', `aspectRatio ${aspect} does not match ${width}x${height}`);
    }
  }

  if (capabilities !== null) {
    const caps = {
      width: range(capabilities.width),
      height: range(capabilities.height),
      fps: range(capabilities.frameRate),
    };
    if (caps.width === null || caps.height === null || caps.fps === null) {
      flag('capabilities_missing', 'getCapabilities() lacks width, height or frameRate ranges');
    }
    const outside = (value: number | null, r: Range | null, tolerance: number) =>
      value !== null && r !== null && (value < r.min - tolerance || value > r.max + tolerance);
    if (outside(width, caps.width, 0) || outside(height, caps.height, 0)) {
      flag('settings_outside_capabilities', 'frame size outside the advertised range');
    }
    // Frame rates are reported as floats (29.97, 30.000030517578125); allow rounding noise.
    if (outside(fps, caps.fps, 0.5))
      flag('settings_outside_capabilities', 'frame rate outside the advertised range');
    if (caps.fps !== null && caps.fps.min === caps.fps.max) {
      flag('single_fixed_mode', `frame rate fixed at exactly ${caps.fps.min}`);
    }
    if (
      caps.width !== null &&
      caps.height !== null &&
      caps.width.min === caps.width.max &&
      caps.height.min === caps.height.max
    ) {
      // Chromium can always crop-and-scale, so a real camera advertises a range of sizes.
      flag('single_fixed_mode', `frame size fixed at ${caps.width.min}x${caps.height.min}`);
    }
  }

  return {
    type: 'track_settings',
    settings: pickSettings(settings),
    capabilities: capabilities === null ? null : pickCapabilities(capabilities),
    problems,
    reasons: [...reasons],
  };
}
