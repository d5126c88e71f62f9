import { describe, expect, it } from 'vitest';
import { trackSettingsRecord } from './track.js';

const realSettings = {
  width: 1280,
  height: 720,
  frameRate: 30,
  aspectRatio: 1.7777777777777777,
  deviceId: 'abc',
};
const realCaps = {
  width: { min: 1, max: 1920 },
  height: { min: 1, max: 1080 },
  frameRate: { min: 1, max: 30 },
  aspectRatio: { min: 0.0009, max: 1920 },
  resizeMode: ['none', 'crop-and-scale'],
};

describe('trackSettingsRecord', () => {
  it('accepts a typical real camera and leaves identifiers out of the evidence', () => {
    const record = trackSettingsRecord(realSettings, realCaps);
    expect(record.reasons).toEqual([]);
    expect(record.settings).not.toHaveProperty('deviceId');
    expect(record.capabilities).toMatchObject({ width: { min: 1, max: 1920 } });
  });

  it('tolerates float frame-rate noise and a browser without getCapabilities', () => {
    expect(trackSettingsRecord({ ...realSettings, frameRate: 30.000030517578125 }, realCaps).reasons).toEqual(
      [],
    );
    expect(trackSettingsRecord(realSettings, null)).toMatchObject({ reasons: [], capabilities: null });
  });

  it('flags empty capabilities', () => {
    expect(trackSettingsRecord(realSettings, {}).reasons).toEqual(['capabilities_missing']);
  });

  it('flags impossible settings', () => {
    expect(trackSettingsRecord({ width: 0, height: 720 }, null).reasons).toContain('settings_impossible');
    expect(trackSettingsRecord({ width: 640.5, height: 480 }, null).reasons).toContain('settings_impossible');
    expect(trackSettingsRecord({ ...realSettings, frameRate: 1000 }, null).reasons).toContain(
      'settings_impossible',
    );
    const badAspect = trackSettingsRecord({ ...realSettings, aspectRatio: 1.3333 }, null);
    expect(badAspect.reasons).toEqual(['settings_impossible']);
    expect(badAspect.problems[0]).toMatch(/aspectRatio/);
  });

  it('flags settings outside the advertised capabilities', () => {
    expect(
      trackSettingsRecord({ ...realSettings, width: 3840, height: 2160, aspectRatio: 16 / 9 }, realCaps)
        .reasons,
    ).toEqual(['settings_outside_capabilities']);
    expect(trackSettingsRecord({ ...realSettings, frameRate: 60 }, realCaps).reasons).toEqual([
      'settings_outside_capabilities',
    ]);
  });

  it('flags a source pinned to one exact mode', () => {
    const pinned = {
      width: { min: 1280, max: 1280 },
      height: { min: 720, max: 720 },
      frameRate: { min: 30, max: 30 },
    };
    const record = trackSettingsRecord(realSettings, pinned);
    expect(record.reasons).toEqual(['single_fixed_mode']);
    expect(record.problems).toHaveLength(2);
  });
});
