import { describe, expect, it } from 'vitest';
import { isFakeDeviceLabel, matchCameraLabel } from './camera-names.js';
import { cameraLabelRecord, cameraListRecord } from './labels.js';
import { DEFAULT_INTEGRITY_POLICY, type IntegrityPolicy } from './policy.js';

describe('camera label list', () => {
  it.each([
    ['OBS Virtual Camera', 'OBS Virtual Camera'],
    ['ManyCam Virtual Webcam', 'ManyCam'],
    ['Snap Camera', 'Snap Camera'],
    ['XSplit VCam', 'XSplit VCam'],
    ['CamTwist', 'CamTwist'],
    ['e2eSoft VCam', 'e2eSoft VCam'],
    ['Logi Capture', 'Logi Capture'],
    ['Camera (NVIDIA Broadcast)', 'NVIDIA Broadcast'],
    ['DroidCam Source 3', 'DroidCam'],
    ['Dummy video device (0x0000)', 'v4l2loopback'],
    ['Streamlabs Virtual Webcam', 'Streamlabs'],
    ['Some New Virtual Camera', 'Virtual camera (generic)'],
  ])('recognises %s', (label, name) => {
    expect(matchCameraLabel(label)?.name).toBe(name);
  });

  it.each([
    'FaceTime HD Camera',
    'Integrated Camera (04f2:b6dd)',
    'HD Pro Webcam C920 (046d:082d)',
    'Logitech BRIO',
    'USB2.0 HD UVC WebCam',
    "Anna's iPhone Camera",
    'Front Camera',
    'camera2 1, facing front',
  ])('leaves the ordinary camera %s alone', (label) => {
    expect(matchCameraLabel(label)).toBeNull();
  });

  it("recognises Chromium's fake device by name and by file path", () => {
    expect(isFakeDeviceLabel('fake_device_0')).toBe(true);
    expect(isFakeDeviceLabel('/abs/path/clip.mjpeg')).toBe(true);
    expect(isFakeDeviceLabel('/home/ci/fixtures/face.y4m')).toBe(true);
    expect(isFakeDeviceLabel('C:\\fixtures\\face.y4m')).toBe(true);
    expect(matchCameraLabel('/abs/path/clip.mjpeg')?.category).toBe('fake_device');
  });
});

describe('cameraLabelRecord', () => {
  it('raises a strong reason for a virtual camera and for the fake device', () => {
    expect(cameraLabelRecord('OBS Virtual Camera', DEFAULT_INTEGRITY_POLICY)).toMatchObject({
      matched: 'OBS Virtual Camera',
      category: 'virtual_camera',
      trusted: false,
      reasons: ['virtual_camera_label'],
    });
    expect(cameraLabelRecord('fake_device_0', DEFAULT_INTEGRITY_POLICY).reasons).toEqual([
      'fake_device_label',
    ]);
  });

  it('notes a hidden label (no permission yet) without suspicion', () => {
    expect(cameraLabelRecord('', DEFAULT_INTEGRITY_POLICY).reasons).toEqual(['label_hidden']);
  });

  it('trusts test devices only in development mode', () => {
    const dev: IntegrityPolicy = {
      ...DEFAULT_INTEGRITY_POLICY,
      mode: 'development',
      trustedTestDevices: ['*.mjpeg'],
    };
    expect(cameraLabelRecord('/abs/path/clip.mjpeg', dev)).toMatchObject({
      trusted: true,
      reasons: ['fake_device_label', 'trusted_test_device'],
    });
    const prod: IntegrityPolicy = { ...dev, mode: 'production' };
    expect(cameraLabelRecord('/abs/path/clip.mjpeg', prod).trusted).toBe(false);
    expect(cameraLabelRecord('OBS Virtual Camera', dev).trusted).toBe(false);
  });
});

describe('cameraListRecord', () => {
  it('lists every camera and notes installed virtual ones as information only', () => {
    const record = cameraListRecord(['FaceTime HD Camera', 'OBS Virtual Camera', 'OBS Virtual Camera']);
    expect(record).toMatchObject({
      labels: ['FaceTime HD Camera', 'OBS Virtual Camera', 'OBS Virtual Camera'],
      matched: ['OBS Virtual Camera'],
      reasons: ['virtual_camera_installed'],
    });
  });
});
