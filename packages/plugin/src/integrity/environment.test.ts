import { describe, expect, it } from 'vitest';
import { automationRecord } from './automation.js';
import { collectAutomation, collectDevtools, probeMediaFunctions } from './collect.js';
import { devtoolsRecord } from './devtools.js';
import { isNativeSource, tamperingRecord } from './tampering.js';

const chromeUa =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

describe('automation', () => {
  it('is quiet for an ordinary browser', () => {
    expect(automationRecord({ webdriver: false, userAgent: chromeUa, brands: ['Chromium'] }).reasons).toEqual(
      [],
    );
  });
  it('flags navigator.webdriver and headless user agents', () => {
    const record = collectAutomation({
      webdriver: true,
      userAgent: chromeUa.replace('Chrome/', 'HeadlessChrome/'),
      userAgentData: { brands: [{ brand: 'HeadlessChrome' }] },
    });
    expect(record.reasons).toEqual(['webdriver', 'headless_user_agent']);
    expect(record.brands).toEqual(['HeadlessChrome']);
  });
});

describe('tampering', () => {
  it('recognises native source text across engines', () => {
    expect(isNativeSource('function getUserMedia() { [native code] }')).toBe(true);
    expect(isNativeSource('function getUserMedia() {\n    [native code]\n}')).toBe(true);
    expect(isNativeSource('function get mediaDevices() { [native code] }')).toBe(true);
    expect(isNativeSource('async (c) => fakeStream(c)')).toBe(false);
    expect(isNativeSource('function getUserMedia(c) { return x; /* [native code] */ }')).toBe(false);
  });

  it('flags patched functions and instance overrides, ignores absent ones', () => {
    const record = tamperingRecord([
      { name: 'MediaDevices.prototype.getUserMedia', source: 'function getUserMedia() { [native code] }' },
      {
        name: 'navigator.mediaDevices.getUserMedia',
        source: 'function getUserMedia() { [native code] }',
        sameAsPrototype: false,
      },
      { name: 'HTMLVideoElement.prototype.requestVideoFrameCallback', source: null },
    ]);
    expect(record.functions.map((fn) => fn.native)).toEqual([true, false, null]);
    expect(record.reasons).toEqual(['native_function_tampered']);
  });

  it('probes a realm: clean built-ins pass, a monkey-patched getUserMedia is caught', () => {
    class MediaDevices {}
    class MediaStreamTrack {}
    // Real built-ins so that toString yields "[native code]" in Node as in a browser.
    Object.assign(MediaDevices.prototype, { getUserMedia: Math.max, enumerateDevices: Math.min });
    Object.assign(MediaStreamTrack.prototype, { getSettings: Math.abs, getCapabilities: Math.abs });
    const mediaDevices = new MediaDevices();
    const scope = { MediaDevices, MediaStreamTrack, Function, navigator: { mediaDevices } };
    const clean = tamperingRecord(probeMediaFunctions(scope));
    expect(clean.reasons).toEqual([]);
    expect(clean.functions.find((fn) => fn.name.includes('requestVideoFrameCallback'))?.native).toBeNull();

    Object.assign(mediaDevices, { getUserMedia: async () => 'canvas stream' });
    const patched = tamperingRecord(probeMediaFunctions(scope));
    expect(patched.reasons).toEqual(['native_function_tampered']);
    expect(patched.functions.filter((fn) => fn.native === false).map((fn) => fn.name)).toEqual([
      'navigator.mediaDevices.getUserMedia',
    ]);
  });
});

describe('devtools', () => {
  const docked = { outerWidth: 1600, innerWidth: 1000, outerHeight: 900, innerHeight: 800, mobile: false };
  it('detects a docked devtools pane and applies the configured reaction', () => {
    expect(devtoolsRecord(docked, 'flag')).toMatchObject({ open: true, reasons: ['devtools_open'] });
    expect(devtoolsRecord(docked, 'ignore')).toMatchObject({ open: true, reasons: [] });
    expect(devtoolsRecord(docked, 'block').reaction).toBe('block');
  });
  it('is quiet with ordinary browser chrome and on mobile', () => {
    expect(devtoolsRecord({ ...docked, innerWidth: 1585 }, 'flag').open).toBe(false);
    const phone = { innerWidth: 390, outerWidth: 390, innerHeight: 500, outerHeight: 844 };
    expect(collectDevtools(phone, { userAgent: 'Mozilla/5.0 (iPhone) Mobile' }, 'flag').open).toBe(false);
  });
});
