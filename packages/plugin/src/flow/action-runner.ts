import type { ActionSpec } from '../actions/catalog.js';
import {
  type ActionEffect,
  type ActionState,
  type Hint,
  startAction,
  stepAction,
  type TimerName,
} from '../actions/machine.js';
import { watchFrames } from '../camera/frames.js';
import type { Clip, RecordedFrame } from '../capture/clip.js';
import { LivenessFailure } from '../errors/codes.js';
import type { VisionClient } from '../vision/client.js';
import type { FaceMetrics } from '../vision/types.js';
import { guidance } from './guidance.js';

export interface ActionProgress {
  metrics: FaceMetrics;
  hint: Hint | null;
  state: ActionState;
}

/** JPEG quality 0.8: a 640x480 frame measured 14–16 kB on the webcam clips, 27 kB on the phone selfie (docs/benchmarks.md); the PNG best frame stays lossless. */
const JPEG_QUALITY = 0.8;

/**
 * Runs one action in the browser: presented video frames go to the vision worker (one in flight, so a
 * slow device analyses fewer frames instead of queueing them), each result steps the pure action
 * machine, and the machine's effects are carried out here — real timers, recording, finishing the clip.
 */
export function runAction(
  spec: ActionSpec,
  video: HTMLVideoElement,
  vision: VisionClient,
  onProgress: (p: ActionProgress) => void,
  signal: AbortSignal,
): Promise<Clip> {
  return new Promise<Clip>((resolve, reject) => {
    let step = startAction();
    let clipId = 0;
    let recording = false;
    let frames: RecordedFrame[] = [];
    let busy = false;
    let lastMetrics: FaceMetrics | null = null;
    const timers = new Map<TimerName, ReturnType<typeof setTimeout>>();
    let stopFrames: () => void = () => undefined;

    const cleanup = () => {
      stopFrames();
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    };

    const finish = async () => {
      cleanup();
      const best = await vision.finishClip(clipId);
      const bestIndex = Math.max(
        0,
        frames.findIndex((f) => f.id === best.bestFrameId),
      );
      resolve({ action: spec.id, frames, bestIndex, bestPng: best.png });
    };

    const apply = (effects: ActionEffect[]) => {
      for (const e of effects) {
        switch (e.type) {
          case 'set-timer':
            clearTimeout(timers.get(e.name));
            timers.set(
              e.name,
              setTimeout(() => dispatchTimer(e.name), e.ms),
            );
            break;
          case 'clear-timer':
            clearTimeout(timers.get(e.name));
            timers.delete(e.name);
            break;
          case 'start-recording':
            clipId++;
            frames = [];
            recording = true;
            break;
          case 'drop-recording':
            if (recording) vision.dropClip(clipId);
            recording = false;
            frames = [];
            break;
          case 'finish-recording':
            recording = false;
            void finish().catch(reject);
            break;
        }
      }
      if (step.state.phase === 'failed') {
        cleanup();
        const code = step.state.reason;
        reject(new LivenessFailure(code, `${spec.id}: ${code}`, { action: spec.id }));
      }
    };

    const report = () => {
      if (lastMetrics) onProgress({ metrics: lastMetrics, hint: step.hint, state: step.state });
    };

    function dispatchTimer(name: TimerName) {
      timers.delete(name);
      if (signal.aborted) return;
      step = stepAction(spec, step.state, { type: 'timer', name });
      apply(step.effects);
      report();
    }

    const ended = () => step.state.phase === 'done' || step.state.phase === 'failed';

    stopFrames = watchFrames(video, (el, ts) => {
      if (busy || signal.aborted || ended()) return;
      busy = true;
      const recordingClip = recording ? clipId : null;
      createImageBitmap(el)
        .then((bitmap) =>
          vision.analyse(
            bitmap,
            ts,
            recordingClip === null ? null : { clipId: recordingClip, jpegQuality: JPEG_QUALITY },
          ),
        )
        .then((result) => {
          busy = false;
          if (!result || signal.aborted || ended()) return;
          // A frame sent while recording an older clip (dropped since) is not part of this one.
          const recorded = recording && recordingClip === clipId && result.jpeg !== null;
          if (recorded && result.jpeg)
            frames.push({ id: result.id, jpeg: result.jpeg, metrics: result.metrics });
          lastMetrics = result.metrics;
          step = stepAction(spec, step.state, {
            type: 'frame',
            metrics: result.metrics,
            hint: guidance(result.metrics),
            recorded,
          });
          apply(step.effects);
          report();
        })
        .catch((err: unknown) => {
          cleanup();
          reject(err);
        });
    });
    apply(step.effects);
    signal.addEventListener('abort', () => {
      cleanup();
      reject(new DOMException('aborted', 'AbortError'));
    });
  });
}
