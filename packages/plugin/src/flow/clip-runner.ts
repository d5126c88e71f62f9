import { type ClipState, type ClipTiming, initialClipState, stepClip } from '../actions/recording.js';
import { watchFrames } from '../camera/frames.js';
import type { Clip, RecordedFrame } from '../capture/clip.js';
import type { VisionClient } from '../vision/client.js';
import type { FaceMetrics } from '../vision/types.js';
import { type GuidanceHint, guidance } from './guidance.js';

export interface ClipRunnerEvents {
  onFrame(metrics: FaceMetrics, hint: GuidanceHint | null, recording: number | null): void;
}

export const BLANK_TIMING: ClipTiming = { steadyMs: 400, clipMs: 700, minFrames: 10, maxClipMs: 3000 };
const JPEG_QUALITY = 0.85;

/**
 * Records one passive clip: feeds presented video frames to the vision worker (one in flight at a
 * time, so a slow device analyses fewer frames instead of queueing), steps the clip machine on each
 * result, and resolves with the finished clip. `signal` aborts it.
 */
export function runClip(
  action: string,
  video: HTMLVideoElement,
  vision: VisionClient,
  events: ClipRunnerEvents,
  signal: AbortSignal,
  timing: ClipTiming = BLANK_TIMING,
): Promise<Clip> {
  return new Promise<Clip>((resolve, reject) => {
    let state: ClipState = initialClipState;
    let clipId = 0;
    let frames: RecordedFrame[] = [];
    let busy = false;

    const stop = watchFrames(video, (el, ts) => {
      if (busy || signal.aborted || state.phase === 'done') return;
      busy = true;
      const recordingClip = state.phase === 'recording' ? clipId : null;
      createImageBitmap(el)
        .then((bitmap) =>
          vision.analyse(
            bitmap,
            ts,
            recordingClip === null ? null : { clipId: recordingClip, jpegQuality: JPEG_QUALITY },
          ),
        )
        .then(async (result) => {
          busy = false;
          if (!result || signal.aborted || state.phase === 'done') return;
          const hint = guidance(result.metrics);
          const recorded = recordingClip !== null && recordingClip === clipId && result.jpeg !== null;
          if (recorded && result.jpeg)
            frames.push({ id: result.id, jpeg: result.jpeg, metrics: result.metrics });
          const step = stepClip(state, { timestamp: result.metrics.timestamp, hint, recorded }, timing);
          state = step.state;
          if (step.effect === 'start-recording') {
            clipId++;
            frames = [];
          } else if (step.effect === 'drop-recording') {
            vision.dropClip(clipId);
            frames = [];
          }
          const progress =
            state.phase === 'recording'
              ? Math.min(1, (result.metrics.timestamp - state.since) / timing.clipMs)
              : null;
          events.onFrame(result.metrics, hint, state.phase === 'done' ? 1 : progress);
          if (step.effect === 'finish-recording') {
            stop();
            const best = await vision.finishClip(clipId);
            const bestIndex = Math.max(
              0,
              frames.findIndex((f) => f.id === best.bestFrameId),
            );
            resolve({ action, frames, bestIndex, bestPng: best.png });
          }
        })
        .catch((err: unknown) => {
          busy = false;
          stop();
          reject(err);
        });
    });
    signal.addEventListener('abort', () => {
      stop();
      reject(new DOMException('aborted', 'AbortError'));
    });
  });
}
