import type { ActionSpec } from '../actions/catalog.js';
import { ActionDriver } from '../actions/driver.js';
import type { ActionState, Hint, TimerName } from '../actions/machine.js';
import type { FrameSource } from '../camera/frame-source.js';
import type { Clip, RecordedFrame } from '../capture/clip.js';
import { LivenessFailure } from '../errors/codes.js';
import type { VisionClient } from '../vision/client.js';
import type { FaceMetrics } from '../vision/types.js';
import type { Oval } from './oval.js';

export interface ActionProgress {
  metrics: FaceMetrics;
  hint: Hint | null;
  state: ActionState;
}

/** JPEG quality 0.8: a 640x480 frame measured 14–16 kB on the webcam clips, 27 kB on the phone selfie (docs/benchmarks.md); the PNG best frame stays lossless. */
const JPEG_QUALITY = 0.8;

/** What an action runner needs from the session: the frames, the model, and a way to report progress. */
export interface ActionContext {
  frames: FrameSource;
  vision: VisionClient;
  onProgress: (p: ActionProgress) => void;
  signal: AbortSignal;
  /** The oval the person sees for a frame of this size. */
  ovalOf: (m: FaceMetrics) => Oval;
}

/**
 * Runs one face action in the browser: presented frames go to the vision workers (at most QUEUE_DEPTH per
 * ready worker, so a slow device analyses fewer frames instead of queueing them), each result steps the action
 * driver in capture order, and the driver's recording effects are carried out here with real timers.
 */
export function runFaceAction(spec: ActionSpec, ctx: ActionContext): Promise<Clip> {
  const { frames: source, vision, onProgress, signal } = ctx;
  return new Promise<Clip>((resolve, reject) => {
    let clipId = 0;
    let recording = false;
    let frames: RecordedFrame[] = [];
    let settled = false;
    const timers = new Map<TimerName, ReturnType<typeof setTimeout>>();
    let unsubscribe: () => void = () => undefined;

    const cleanup = () => {
      settled = true;
      unsubscribe();
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    };
    const fail = (err: unknown) => {
      if (settled) return;
      cleanup();
      reject(err);
    };

    const driver: ActionDriver = new ActionDriver(
      spec,
      {
        set(name, ms) {
          clearTimeout(timers.get(name));
          timers.set(
            name,
            setTimeout(() => {
              timers.delete(name);
              if (settled) return;
              driver.timer(name);
              afterStep(null);
            }, ms),
          );
        },
        clear(name) {
          clearTimeout(timers.get(name));
          timers.delete(name);
        },
      },
      {
        start() {
          clipId++;
          frames = [];
          recording = true;
        },
        drop() {
          if (recording) vision.dropClip(clipId);
          recording = false;
          frames = [];
        },
        finish() {
          recording = false;
          const kept = frames;
          cleanup();
          vision
            .finishClip(clipId)
            .then((best) => {
              const bestIndex = Math.max(
                0,
                kept.findIndex((f) => f.id === best.bestFrameId),
              );
              resolve({ action: spec.id, frames: kept, bestIndex, bestPng: best.png });
            })
            .catch(reject);
        },
      },
      ctx.ovalOf,
    );

    let lastMetrics: FaceMetrics | null = null;
    const afterStep = (metrics: FaceMetrics | null) => {
      if (metrics) lastMetrics = metrics;
      const step = driver.step;
      if (step.state.phase === 'failed') {
        const code = step.state.reason;
        fail(new LivenessFailure(code, `${spec.id}: ${code}`, { action: spec.id }));
        return;
      }
      if (lastMetrics) onProgress({ metrics: lastMetrics, hint: step.hint, state: step.state });
    };

    unsubscribe = source.subscribe((_now, ts) => {
      // A frame goes whenever a worker has room (vision.free); its place in capture order is taken now, and
      // results come back in that order.
      if (!vision.free || settled || signal.aborted) return;
      const recordingClip = recording ? clipId : null;
      const ticket = vision.reserve(
        recordingClip === null ? null : { clipId: recordingClip, jpegQuality: JPEG_QUALITY },
      );
      vision
        .copyFrame(source.video, recordingClip === null ? null : JPEG_QUALITY)
        .then(
          (copied) => {
            ticket.send(copied.image, ts, copied.jpeg);
            return ticket.result;
          },
          (err: unknown) => {
            ticket.cancel();
            throw err;
          },
        )
        .then((result) => {
          if (!result || settled || signal.aborted) return;
          // A frame sent while recording an older clip (dropped since) is not part of this one.
          const recorded = recording && recordingClip === clipId && result.jpeg !== null;
          if (recorded && result.jpeg)
            frames.push({ id: result.id, jpeg: result.jpeg, metrics: result.metrics });
          driver.frame(result.metrics, recorded);
          afterStep(result.metrics);
        })
        .catch(fail);
    });
    driver.start();
    signal.addEventListener('abort', () => fail(new DOMException('aborted', 'AbortError')), {
      once: true,
    });
  });
}
