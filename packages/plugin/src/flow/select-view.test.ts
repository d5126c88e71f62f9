import { describe, expect, it } from 'vitest';
import { config, info, run } from '../../test/session-fixtures.js';
import { initialSession } from './machine.js';
import { selectView } from './select-view.js';
import type { SessionEvent } from './session-types.js';

const video = {} as HTMLVideoElement;
const start = (over = {}) => run(initialSession(config(over)), [{ type: 'open' }]).state;
const capturing = (over = {}) =>
  run(initialSession(config(over)), [
    { type: 'open' },
    { type: 'session-ready', attempt: 1, info: info() },
    {
      type: 'camera-opened',
      attempt: 1,
      video,
      width: 640,
      height: 480,
      deviceId: 'a',
      facing: 'user',
      cameras: [],
    },
    { type: 'vision-ready', attempt: 1 },
  ]).state;
const failed = (
  code: 'camera_denied' | 'camera_unusable' | 'get_user_media_timeout' | 'adapter_unreachable',
  browser = 'chrome',
  context = {},
) =>
  run(initialSession(config({ browser: browser as never })), [
    { type: 'open' },
    { type: 'failed', attempt: 1, failure: { code, detail: '', context } },
  ]).state;

describe('selectView', () => {
  it('loading while the session is requested, with progress once it is slow', () => {
    const s = start();
    expect(selectView(s)).toMatchObject({ screen: 'loading', statusKey: 'loading_resources', slow: false });
    const slow = run(s, [{ type: 'timer', attempt: 1, name: 'slow' }]).state;
    expect(selectView(slow).slow).toBe(true);
  });

  it('a real loading percentage: the bytes of the model files, shown once loading is slow', () => {
    const opened: SessionEvent = {
      type: 'camera-opened',
      attempt: 1,
      video,
      width: 640,
      height: 480,
      deviceId: 'a',
      facing: 'user',
      cameras: [],
    };
    const waiting = run(start(), [{ type: 'session-ready', attempt: 1, info: info() }, opened]).state;
    const some = run(waiting, [{ type: 'load-progress', attempt: 1, fraction: 0.25 }]).state;
    // Not slow yet: no percentage, whatever has arrived.
    expect(selectView(some)).toMatchObject({
      screen: 'loading',
      statusKey: 'loading_resources',
      slow: false,
    });
    expect(selectView(some).loadPercent).toBeNull();
    const slow = run(some, [{ type: 'timer', attempt: 1, name: 'slow' }]).state;
    expect(selectView(slow)).toMatchObject({ slow: true, loadPercent: 25 });
    const more = run(slow, [{ type: 'load-progress', attempt: 1, fraction: 0.7625 }]).state;
    expect(selectView(more).loadPercent).toBe(76);
    // Unknown size (no Content-Length): the bar runs without a value.
    const unknown = run(slow, [{ type: 'load-progress', attempt: 1, fraction: null }]).state;
    expect(selectView(unknown)).toMatchObject({ slow: true, loadPercent: null });
    // A report from an attempt before Try again is ignored.
    const stale = run(slow, [{ type: 'load-progress', attempt: 0, fraction: 1 }]).state;
    expect(selectView(stale).loadPercent).toBe(25);
    // Once the model is ready the capture starts and the percentage is gone, late reports included.
    const ready = run(more, [
      { type: 'vision-ready', attempt: 1 },
      { type: 'load-progress', attempt: 1, fraction: 1 },
    ]).state;
    expect(ready.loading).toBeNull();
    expect(selectView(ready)).toMatchObject({ screen: 'capture', loadPercent: null, slow: false });
  });

  it('the camera request screen shows no percentage, even when slow and the model is downloading', () => {
    const s = run(start(), [
      { type: 'session-ready', attempt: 1, info: info() },
      { type: 'load-progress', attempt: 1, fraction: 0.5 },
      { type: 'timer', attempt: 1, name: 'slow' },
    ]).state;
    expect(selectView(s)).toMatchObject({ screen: 'camera', slow: true, loadPercent: null });
  });

  it('the camera request screen until the camera opens, then loading until the model is ready', () => {
    const s = run(start(), [{ type: 'session-ready', attempt: 1, info: info() }]).state;
    expect(selectView(s)).toMatchObject({ screen: 'camera', statusKey: 'accessing_camera' });
    const open = run(s, [
      {
        type: 'camera-opened',
        attempt: 1,
        video,
        width: 640,
        height: 480,
        deviceId: 'a',
        facing: 'user',
        cameras: [],
      },
    ]).state;
    expect(selectView(open).screen).toBe('loading');
  });

  it('capture: the video, mirrored for the front camera, cover by default and contain on request', () => {
    expect(selectView(capturing())).toMatchObject({ screen: 'capture', video, mirrored: true, fit: 'cover' });
    expect(selectView(capturing({ nativeAspect: true })).fit).toBe('contain');
  });

  it('a rear camera is not mirrored', () => {
    const s = run(capturing(), [
      {
        type: 'camera-opened',
        attempt: 1,
        video,
        width: 640,
        height: 480,
        deviceId: 'b',
        facing: 'environment',
        cameras: [],
      },
    ]).state;
    expect(selectView(s).mirrored).toBe(false);
  });

  it('hints, the ladder text and the ready oval', () => {
    const live = (hint: 'action_hint_no_face' | 'action_hint_face_aligned'): SessionEvent => ({
      type: 'progress',
      attempt: 1,
      live: {
        hint,
        prompt: null,
        scanning: false,
        recording: 0.5,
        attempt: 1,
        face: null,
        frameWidth: 640,
        frameHeight: 480,
      },
    });
    const aligned = run(capturing(), [live('action_hint_face_aligned')]).state;
    expect(selectView(aligned)).toMatchObject({
      hint: 'action_hint_face_aligned',
      ready: true,
      recording: 0.5,
    });
    const noFace = run(capturing(), [
      live('action_hint_no_face'),
      { type: 'timer', attempt: 1, name: 'no-face' },
    ]).state;
    expect(selectView(noFace)).toMatchObject({
      hint: 'action_hint_no_face',
      hintTextKey: 'no_face_hint_2',
      ready: false,
    });
  });

  it('upload percentage, processing, and a neutral result unless the page opted in', () => {
    const up = run(capturing(), [
      {
        type: 'action-captured',
        attempt: 1,
        captured: { clip: { action: 'a', frames: [], bestIndex: 0, bestPng: null }, additionalInfo: '' },
        pageResult: null,
      },
    ]).state;
    expect(selectView(up).screen).toBe('confirm');
    expect(selectView(up).announcementKey).toBe('action_confirmed');
    const uploading = run(up, [
      { type: 'timer', attempt: 1, name: 'confirm' },
      { type: 'checked', attempt: 1 },
      { type: 'upload-progress', attempt: 1, fraction: 0.42 },
    ]).state;
    expect(selectView(uploading)).toMatchObject({
      screen: 'uploading',
      upload: 0.42,
      statusKey: 'uploading_data',
    });
    const declined = { state: 'finished' as const, analyses: { quality: { resolution: 'declined' } } };
    const proc = run(uploading, [{ type: 'uploaded', attempt: 1, result: { state: 'processing' } }]).state;
    expect(selectView(proc)).toMatchObject({ screen: 'processing', statusKey: 'requesting_result' });
    const done = run(proc, [{ type: 'result', attempt: 1, result: declined }]).state;
    expect(selectView(done).result).toMatchObject({ outcome: 'neutral', titleKey: 'result_state_finished' });
    const optIn = { ...done, config: { ...done.config, showResultOutcome: true } };
    expect(selectView(optIn).result).toMatchObject({ outcome: 'declined', titleKey: 'result_declined' });
  });

  it('errors carry the reason, what to do and the browser-specific camera steps', () => {
    expect(selectView(failed('camera_denied', 'firefox')).error).toMatchObject({
      messageKey: 'error_no_camera_access',
      retryable: true,
      tutorial: { stepKeys: ['oz_tutorial_camera_firefox_instruction'] },
    });
    expect(selectView(failed('camera_denied', 'chrome_android')).error?.tutorial?.stepKeys).toHaveLength(3);
    expect(selectView(failed('camera_denied', 'in_app')).error?.tutorial?.external).toBe(true);
    expect(selectView(failed('get_user_media_timeout')).error).toMatchObject({
      messageKey: 'error_camera_timeout_title',
      adviceKey: 'error_camera_timeout_instruction',
    });
    expect(
      selectView(failed('camera_unusable', 'chrome', { name: 'NotReadableError' })).error?.adviceKey,
    ).toBe('error_advice_camera_busy');
    const net = selectView(failed('adapter_unreachable'));
    expect(net).toMatchObject({ screen: 'error', announcementKey: 'error_connection_lost' });
    expect(net.error?.tutorial).toBeNull();
  });
});
