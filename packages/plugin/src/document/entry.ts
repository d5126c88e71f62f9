// The lazy document chunk (dist/iife/document_capture.js): loaded by the page script the first time a
// session runs a photo action, it registers the capture runner and the document screen on a global.
import { DOCUMENT_GLOBAL, type DocumentModule } from './contract.js';
import { runDocument } from './runner.js';
import { mountStage } from './stage.js';

const api: DocumentModule = {
  async capture(run) {
    const o = await runDocument(run);
    if (o.ok) {
      return {
        ok: true,
        photo: { action: run.action, blob: o.shot.blob, width: o.shot.width, height: o.shot.height },
        result: { ...o.result, additional_info: '' },
      };
    }
    if (o.code === 'still_capture_failed')
      return { ok: false, code: 'camera_unusable', detail: `${run.action}: the camera gave no still` };
    // Aborted: the attempt is over (close, Try again), and the machine ignores what an old attempt reports.
    if (o.code === 'aborted') return { ok: false, code: 'internal_error', detail: 'aborted' };
    return { ok: false, code: o.code, detail: `${run.action}: no document photo taken in time` };
  },
  mount: mountStage,
};
(globalThis as Record<string, unknown>)[DOCUMENT_GLOBAL] = api;
