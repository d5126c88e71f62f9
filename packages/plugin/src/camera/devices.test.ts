import { describe, expect, it, vi } from 'vitest';
import { LivenessFailure } from '../errors/codes.js';
import { openPreferredCamera, pickableCameras, rememberCamera, rememberedCamera } from './devices.js';

/** A localStorage stand-in. */
function memoryStorage(initial: Record<string, string> = {}): Storage {
  const m = new Map(Object.entries(initial));
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

const KEY = 'oz-liveness:camera';
const gone = () =>
  new LivenessFailure('camera_not_found', 'OverconstrainedError', { name: 'OverconstrainedError' });

/** A camera opener over a fixed set of present device ids ('' = the default camera). */
function cameras(present: string[]) {
  return vi.fn(async (id: string | undefined) => {
    if (id !== undefined && !present.includes(id)) throw gone();
    return { opened: id ?? 'default' };
  });
}

describe('remembered camera', () => {
  it('is kept per origin in localStorage and read back', () => {
    const storage = memoryStorage();
    rememberCamera(storage, 'cam-b');
    expect(storage.getItem(KEY)).toBe('cam-b');
    expect(rememberedCamera(storage)).toBe('cam-b');
  });

  it('survives refused or missing storage', () => {
    const refusing = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    } as unknown as Storage;
    expect(rememberedCamera(refusing)).toBeNull();
    expect(() => rememberCamera(refusing, 'x')).not.toThrow();
    expect(rememberedCamera(null)).toBeNull();
  });

  it('opens the remembered camera when it is still there', async () => {
    const open = cameras(['cam-a', 'cam-b']);
    const storage = memoryStorage({ [KEY]: 'cam-b' });
    await expect(openPreferredCamera(open, { chosen: null, option: null, storage })).resolves.toEqual({
      opened: 'cam-b',
    });
    expect(open.mock.calls).toEqual([['cam-b']]);
    expect(storage.getItem(KEY)).toBe('cam-b');
  });

  it('falls back to the default camera when the remembered one is gone, and forgets it', async () => {
    const open = cameras(['cam-a']);
    const storage = memoryStorage({ [KEY]: 'unplugged' });
    await expect(openPreferredCamera(open, { chosen: null, option: null, storage })).resolves.toEqual({
      opened: 'default',
    });
    expect(open.mock.calls).toEqual([['unplugged'], [undefined]]);
    expect(storage.getItem(KEY)).toBeNull();
    // The next session goes straight to the default camera.
    open.mockClear();
    await openPreferredCamera(open, { chosen: null, option: null, storage });
    expect(open.mock.calls).toEqual([[undefined]]);
  });

  it('does not hide other failures behind the fallback (a refusal stays a refusal)', async () => {
    const denied = new LivenessFailure('camera_denied', 'NotAllowedError', { name: 'NotAllowedError' });
    const open = vi.fn(async (_id: string | undefined) => {
      throw denied;
    });
    const storage = memoryStorage({ [KEY]: 'cam-b' });
    await expect(openPreferredCamera(open, { chosen: null, option: null, storage })).rejects.toBe(denied);
    expect(open).toHaveBeenCalledTimes(1);
    expect(storage.getItem(KEY)).toBe('cam-b');
  });

  it('device_id and a camera picked in this session win over the remembered one, and do not fall back', async () => {
    const storage = memoryStorage({ [KEY]: 'cam-b' });
    const open = cameras(['cam-a', 'cam-b']);
    await openPreferredCamera(open, { chosen: null, option: 'cam-a', storage });
    await openPreferredCamera(open, { chosen: 'cam-a', option: null, storage });
    expect(open.mock.calls).toEqual([['cam-a'], ['cam-a']]);
    const missing = cameras(['cam-b']);
    await expect(
      openPreferredCamera(missing, { chosen: null, option: 'cam-x', storage }),
    ).rejects.toMatchObject({
      code: 'camera_not_found',
    });
    expect(missing).toHaveBeenCalledTimes(1);
    expect(storage.getItem(KEY)).toBe('cam-b');
  });
});

describe('pickableCameras', () => {
  const device = (deviceId: string, label: string): MediaDeviceInfo =>
    ({ deviceId, label, kind: 'videoinput', groupId: '', toJSON: () => ({}) }) as MediaDeviceInfo;

  it('keeps infrared and known virtual cameras out of the picker, and unnamed ones get a label', () => {
    const list = pickableCameras([
      device('a', 'Integrated Camera'),
      device('b', 'Integrated IR Camera'),
      device('c', 'OBS Virtual Camera'),
      device('d', 'ManyCam Virtual Webcam'),
      device('e', ''),
      { ...device('f', 'Microphone'), kind: 'audioinput' } as MediaDeviceInfo,
      device('', 'Camera before permission'),
    ]);
    expect(list).toEqual([
      { deviceId: 'a', label: 'Integrated Camera' },
      { deviceId: 'e', label: 'Camera 2' },
    ]);
  });
});
