import { ACTION_SPECS, type ActionSpec } from '../actions/catalog.js';
import { captureResult } from '../capture/result.js';
import { isPhotoAction } from '../document/photo-action.js';
import { withOnDevice } from '../ondevice/evidence.js';
import type { ActionId } from '../options.js';
import { type ActionContext, runFaceAction } from './action-runner.js';
import { runPhotoAction } from './document-effect.js';
import type { DriverContext } from './driver-context.js';
import { failure } from './host-effects.js';
import { guideOvalOf } from './oval.js';
import type { LiveFrame, SessionEvent } from './session-types.js';

/**
 * Runs one action on the attempt's frames and model: face actions through the gesture/passive/scan machine,
 * others through the runner the deps give. Resolves with `action-captured` once the integrity evidence agrees.
 */
export async function runAction(
  ctx: DriverContext,
  attempt: number,
  action: ActionId,
): Promise<SessionEvent> {
  if (isPhotoAction(action)) return runPhotoAction(ctx, attempt, action);
  const held = ctx.held();
  const spec = ACTION_SPECS[action];
  const custom = ctx.deps.actionRunners?.[action];
  if ((!spec && !custom) || !held.frames || !held.vision || !held.evidence)
    throw failure('internal_error', `no runner for ${action}`);
  const guide = guideOvalOf();
  const actionCtx: ActionContext = {
    frames: held.frames,
    vision: held.vision,
    signal: held.abort.signal,
    ovalOf: (m) => {
      const s = ctx.state();
      return guide(m.frameWidth, m.frameHeight, s.config.nativeAspect ? null : s.viewAspect);
    },
    onProgress: ({ metrics: m, hint, state }) => {
      ctx.options.diagnostics?.on_frame?.({ ...m, hint, action });
      if (hint) ctx.track('hint', hint);
      if (!spec) return;
      const prompting = state.phase === 'prompting' || (state.phase === 'recording' && spec.kind === 'scan');
      const live: LiveFrame = {
        hint: hint ?? (prompting ? null : 'action_hint_face_aligned'),
        prompt: prompting && spec.kind !== 'passive' ? spec.promptKey : null,
        scanning: spec.kind === 'scan' && state.phase === 'recording',
        recording:
          state.phase === 'recording' && spec.kind === 'passive'
            ? Math.min(1, (m.timestamp - state.since) / spec.clipMs)
            : null,
        attempt: 'attempt' in state ? state.attempt : 1,
        face: m.box,
        frameWidth: m.frameWidth,
        frameHeight: m.frameHeight,
      };
      ctx.dispatch({ type: 'progress', attempt, live });
    },
  };
  const clip = custom ? await custom(action, actionCtx) : await runFaceAction(spec as ActionSpec, actionCtx);
  const evidence = await held.evidence.conclude();
  if (evidence.block) throw failure('integrity_blocked', 'capture stopped by the integrity policy');
  const onDevice = held.onDevice ? await held.onDevice.analyse(clip) : null;
  const additionalInfo = withOnDevice(evidence.additionalInfo, onDevice);
  const info = ctx.state().info;
  const sealedForPage = info?.architecture === 'capture' && info.use_wasm_container;
  const pageResult = sealedForPage
    ? null
    : {
        ...(await captureResult(clip, additionalInfo, evidence.virtualCamera)),
        device_id: held.camera?.deviceId ?? null,
        ...(onDevice ? { on_device: onDevice } : {}),
      };
  return {
    type: 'action-captured',
    attempt,
    captured: { clip, additionalInfo, onDevice },
    pageResult,
  };
}
