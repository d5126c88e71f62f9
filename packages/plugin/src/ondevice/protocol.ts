import type { Box } from '../vision/types.js';

/** The backend the on-device worker runs the models on. */
export type OnDeviceBackend = 'webgpu' | 'wasm';

/** Messages from the page to the on-device worker. */
export type ToOnDevice =
  | {
      type: 'init';
      /** Folder of the onnxruntime-web glue and wasm files, ending with '/'. */
      ortBaseUrl: string;
      /** The two MiniFASNet files, in ANTISPOOF_MODELS order. */
      modelUrls: [string, string];
      /** The server's face detector (fr_detect.onnx): it gives MiniFASNet the server's box. */
      detectorUrl: string;
      /** Try WebGPU first (the webgpu build of the worker); the wasm backend is always the fallback. */
      webgpu: boolean;
    }
  | { type: 'analyse'; id: number; frames: Array<{ jpeg: Blob; box: Box }> };

/** p(real) of each model and their mean, for one frame, and where its face box came from. */
export interface FrameScore {
  v2: number;
  v1se: number;
  real: number;
  /** `detector`: the server's detector found the face; `mesh`: it did not, the mapped mesh box was used. */
  box: 'detector' | 'mesh';
}

/** Messages from the on-device worker to the page. */
export type FromOnDevice =
  | { type: 'ready'; backend: OnDeviceBackend; threads: number; initMs: number }
  | { type: 'init-failed'; detail: string }
  | { type: 'scores'; id: number; frames: FrameScore[]; ms: number }
  | { type: 'analyse-failed'; id: number; detail: string };
