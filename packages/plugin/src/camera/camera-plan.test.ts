import { describe, expect, it } from 'vitest';
import { cameraPlan } from './camera-plan.js';
import { isMobileDevice } from './device-kind.js';

const base = { useForLiveness: null, load3dMask: false, mobile: false } as const;

describe('cameraPlan', () => {
  it('without use_for_liveness: the page picks the camera; a front camera is mirrored and animated', () => {
    expect(cameraPlan(base)).toEqual({
      facingMode: 'user',
      mirror: true,
      ovalAnimation: true,
      mask3d: false,
      warnings: [],
    });
    const rear = cameraPlan({ ...base, cameraFacingMode: 'environment', mobile: true });
    expect(rear).toMatchObject({ facingMode: 'environment', mirror: false, ovalAnimation: true });
  });

  it('operator mode on mobile: the rear camera, whatever the page asked', () => {
    const p = cameraPlan({ ...base, useForLiveness: true, mobile: true, cameraFacingMode: 'user' });
    expect(p).toMatchObject({ facingMode: 'environment', mirror: false, ovalAnimation: true });
    expect(p.warnings).toEqual(['cameraFacingMode is ignored: the adapter sets use_for_liveness']);
  });

  it('operator mode on desktop: no mirror flip and no oval animation', () => {
    expect(cameraPlan({ ...base, useForLiveness: true })).toMatchObject({
      facingMode: 'user',
      mirror: false,
      ovalAnimation: false,
    });
  });

  it('use_for_liveness false still disables cameraFacingMode, and changes nothing else', () => {
    const p = cameraPlan({ ...base, useForLiveness: false, mobile: true, cameraFacingMode: 'environment' });
    expect(p).toMatchObject({ facingMode: 'user', mirror: true, ovalAnimation: true });
    expect(p.warnings).toHaveLength(1);
  });

  it('the 3D mask only when the page asks and the adapter loads it', () => {
    expect(cameraPlan({ ...base, enable3dMask: true, load3dMask: true }).mask3d).toBe(true);
    const refused = cameraPlan({ ...base, enable3dMask: true });
    expect(refused.mask3d).toBe(false);
    expect(refused.warnings).toEqual([
      'enable_3d_mask needs the adapter option load_3d_mask; showing the oval',
    ]);
    expect(cameraPlan({ ...base, load3dMask: true }).mask3d).toBe(false);
  });
});

describe('isMobileDevice', () => {
  it('reads client hints, then the user agent', () => {
    expect(isMobileDevice({ userAgent: 'X', userAgentData: { mobile: true } })).toBe(true);
    expect(
      isMobileDevice({ userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile Safari/537.36' }),
    ).toBe(true);
    expect(isMobileDevice({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140' })).toBe(false);
    expect(isMobileDevice({ userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X)', maxTouchPoints: 5 })).toBe(
      true,
    );
    expect(isMobileDevice({ userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X)', maxTouchPoints: 0 })).toBe(
      false,
    );
  });
});
