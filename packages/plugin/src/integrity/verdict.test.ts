import { parseAdditionalInfo } from '@open-liveness/trust';
import { describe, expect, it } from 'vitest';
import { automationRecord } from './automation.js';
import { frameCadenceRecord } from './cadence.js';
import { collectCameraList, collectTrackRecords } from './collect.js';
import { devtoolsRecord } from './devtools.js';
import { buildAdditionalInfo } from './index.js';
import { cameraLabelRecord } from './labels.js';
import { DEFAULT_INTEGRITY_POLICY, type IntegrityPolicy } from './policy.js';
import { tamperingRecord } from './tampering.js';
import { trackSettingsRecord } from './track.js';
import { decideEvidence } from './verdict.js';

const strict = DEFAULT_INTEGRITY_POLICY;
const regular = {
  count: 60,
  now: [...Array(60).keys()].map((i) => i * 33),
  mediaTime: [...Array(60).keys()].map((i) => i / 30),
};
const ua = 'Mozilla/5.0 Chrome/156.0.0.0';

describe('decideEvidence', () => {
  it('is not suspicious for an ordinary camera in an ordinary browser', () => {
    const verdict = decideEvidence([
      cameraLabelRecord('FaceTime HD Camera', strict),
      automationRecord({ webdriver: false, userAgent: ua, brands: [] }),
    ]);
    expect(verdict).toEqual({ virtual_camera_suspected: false, block: false, reasons: [], notes: [] });
  });

  it('one strong reason is enough', () => {
    const verdict = decideEvidence([cameraLabelRecord('ManyCam Virtual Webcam', strict)]);
    expect(verdict).toMatchObject({ virtual_camera_suspected: true, reasons: ['virtual_camera_label'] });
    expect(
      decideEvidence([tamperingRecord([{ name: 'gUM', source: '() => x' }])]).virtual_camera_suspected,
    ).toBe(true);
  });

  it('weak reasons need corroboration from another kind of record', () => {
    const webdriver = automationRecord({ webdriver: true, userAgent: ua, brands: [] });
    expect(decideEvidence([webdriver]).virtual_camera_suspected).toBe(false);
    const tooRegular = frameCadenceRecord(regular);
    expect(decideEvidence([webdriver, tooRegular])).toMatchObject({
      virtual_camera_suspected: true,
      reasons: ['webdriver', 'cadence_too_regular'],
    });
    // Two weak reasons from the same record kind do not corroborate each other.
    const odd = trackSettingsRecord({ width: 0, height: 0 }, {});
    expect(odd.reasons).toHaveLength(2);
    expect(decideEvidence([odd]).virtual_camera_suspected).toBe(false);
  });

  it('keeps informational reasons as notes', () => {
    const verdict = decideEvidence([
      collectCameraList([{ kind: 'videoinput', label: 'OBS Virtual Camera' }]),
    ]);
    expect(verdict).toMatchObject({ virtual_camera_suspected: false, notes: ['virtual_camera_installed'] });
  });

  it('a trusted test device (development) sees a normal camera, but tampering still counts', () => {
    const dev: IntegrityPolicy = {
      mode: 'development',
      trustedTestDevices: ['fake_device_*'],
      devtools: 'flag',
    };
    const track = { label: 'fake_device_0', getSettings: () => ({ width: 640, height: 480, frameRate: 30 }) };
    const records = [
      ...collectTrackRecords(track, dev),
      frameCadenceRecord(regular),
      automationRecord({ webdriver: true, userAgent: ua, brands: [] }),
    ];
    const verdict = decideEvidence(records);
    expect(verdict.virtual_camera_suspected).toBe(false);
    expect(verdict.reasons).toEqual(['webdriver']);
    expect(verdict.notes).toEqual(
      expect.arrayContaining(['fake_device_label', 'trusted_test_device', 'cadence_too_regular']),
    );
    const withTampering = [...records, tamperingRecord([{ name: 'gUM', source: 'function(){}' }])];
    expect(decideEvidence(withTampering).virtual_camera_suspected).toBe(true);
    // The same label under the default (strict) policy is suspicious.
    expect(decideEvidence(collectTrackRecords(track, strict)).virtual_camera_suspected).toBe(true);
  });

  it('devtools with reaction block stops the session', () => {
    const docked = { outerWidth: 1600, innerWidth: 1000, outerHeight: 900, innerHeight: 800, mobile: false };
    expect(decideEvidence([devtoolsRecord(docked, 'block')])).toMatchObject({
      block: true,
      reasons: ['devtools_open'],
    });
    expect(decideEvidence([devtoolsRecord(docked, 'flag')]).block).toBe(false);
    expect(decideEvidence([devtoolsRecord(docked, 'ignore')]).reasons).toEqual([]);
  });
});

describe('buildAdditionalInfo', () => {
  it('produces the versioned additional_info string with records and the verdict', () => {
    const records = [
      cameraLabelRecord('OBS Virtual Camera', strict),
      collectCameraList([
        { kind: 'videoinput', label: 'OBS Virtual Camera' },
        { kind: 'audioinput', label: 'Mic' },
      ]),
    ];
    const { verdict, additionalInfo } = buildAdditionalInfo(records, new Date('2026-01-01T00:00:00Z'));
    expect(verdict.virtual_camera_suspected).toBe(true);
    const parsed = parseAdditionalInfo(additionalInfo);
    expect(parsed.ok && parsed.value).toMatchObject({
      version: 1,
      virtual_camera_suspected: true,
      records: [{ type: 'camera_label' }, { type: 'camera_list', labels: ['OBS Virtual Camera'] }],
    });
  });
});
