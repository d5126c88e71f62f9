import { describe, expect, it } from 'vitest';
import { normalizeOptions } from '../options.js';
import { DEFAULT_PRECHECK_BAR } from './decision.js';

describe('open() on_device and on_device_precheck', () => {
  it('are off by default', () => {
    const { options, problem } = normalizeOptions({});
    expect(problem).toBeNull();
    expect(options.on_device).toBe(false);
    expect(options.onDevicePrecheckBar).toBeNull();
  });
  it('on_device alone runs the models without a pre-check', () => {
    const { options } = normalizeOptions({ on_device: true });
    expect(options.on_device).toBe(true);
    expect(options.onDevicePrecheckBar).toBeNull();
  });
  it('on_device_precheck turns on_device on; true is the default bar, a number sets it', () => {
    expect(normalizeOptions({ on_device_precheck: true }).options).toMatchObject({
      on_device: true,
      onDevicePrecheckBar: DEFAULT_PRECHECK_BAR,
    });
    expect(normalizeOptions({ on_device_precheck: 0.9 }).options.onDevicePrecheckBar).toBe(0.9);
    expect(normalizeOptions({ on_device_precheck: false }).options.onDevicePrecheckBar).toBeNull();
  });
  it('refuses values it cannot honour instead of dropping them', () => {
    for (const bad of [
      { on_device: 'yes' },
      { on_device_precheck: 0.3 },
      { on_device_precheck: 'on' },
      { on_device_precheck: 1.5 },
    ])
      expect(normalizeOptions(bad).problem, JSON.stringify(bad)).toMatch(/on_device/);
    expect(normalizeOptions({ on_device: false, on_device_precheck: true }).problem).toMatch(
      /needs on_device/,
    );
  });
});
