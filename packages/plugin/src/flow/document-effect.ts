import type { PhotoActionId } from '@open-liveness/trust';
import { loadDocumentModule } from '../document/load.js';
import type { DriverContext } from './driver-context.js';
import { failure } from './host-effects.js';
import type { SessionEvent } from './session-types.js';

/**
 * Runs one photo action: loads the document chunk (first time only), lets it measure the frames inside the
 * document frame and take the still, and resolves with `photo-captured` once the person uses the photo.
 * Its screen travels as `doc-progress` events; shutter / retake / use come back as `doc-input` effects.
 */
export async function runPhotoAction(
  ctx: DriverContext,
  attempt: number,
  action: PhotoActionId,
): Promise<SessionEvent> {
  const held = ctx.held();
  const camera = held.camera;
  if (!held.frames || !camera || !held.evidence) throw failure('internal_error', 'no camera');
  const mod = await loadDocumentModule(ctx.deps.base, ctx.options.nonce).catch(() => {
    throw failure('resource_load_failed', 'document chunk not loaded');
  });
  const shot = await mod.capture({
    action,
    frames: held.frames,
    track: camera.track,
    pattern: ctx.options.overlay_options?.show_document_pattern !== false,
    viewAspect: () => ctx.state().viewAspect,
    signal: held.abort.signal,
    onLive: (doc) => ctx.dispatch({ type: 'doc-progress', attempt, doc }),
    onInput: (handler) => {
      held.docInput = handler;
    },
  });
  // (A finished runner ignores later presses, and the next attempt holds a fresh input slot.)
  if (!shot.ok) throw failure(shot.code, shot.detail);
  const evidence = await held.evidence.conclude();
  if (evidence.block) throw failure('integrity_blocked', 'capture stopped by the integrity policy');
  // (The sealed container refuses photo actions up front, so the page always gets the readable payload.)
  return {
    type: 'photo-captured',
    attempt,
    photo: shot.photo,
    pageResult: { ...shot.result, additional_info: evidence.additionalInfo },
  };
}
