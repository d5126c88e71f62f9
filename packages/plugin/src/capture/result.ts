import type { Landmarks } from '../vision/types.js';
import { type Clip, roundBox, roundLandmarks } from './clip.js';
import type { CaptureMedia, CaptureResult } from './types.js';

const EMPTY_LANDMARKS: Landmarks = {
  left_eye: [0, 0],
  right_eye: [0, 0],
  nose_base: [0, 0],
  mouth_bottom: [0, 0],
  left_ear: [0, 0],
  right_ear: [0, 0],
};

export function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

async function mediaOf(clip: Clip): Promise<CaptureMedia> {
  const frameList = await Promise.all(clip.frames.map((f) => blobToDataUrl(f.jpeg)));
  const boxes = clip.frames.map((f) => roundBox(f.metrics.box ?? { left: 0, top: 0, right: 0, bottom: 0 }));
  const landmarks = clip.frames.map((f) => roundLandmarks(f.metrics.landmarks ?? EMPTY_LANDMARKS));
  const best = Math.max(0, Math.min(clip.bestIndex, clip.frames.length - 1));
  return {
    best_frame: frameList[best] ?? '',
    best_frame_png: clip.bestPng ? await blobToDataUrl(clip.bestPng) : '',
    best_frame_bounding_box: boxes[best] ?? { left: 0, top: 0, right: 0, bottom: 0 },
    best_frame_landmarks: landmarks[best] ?? EMPTY_LANDMARKS,
    frame_list: frameList,
    frame_bounding_box_list: boxes,
    frame_landmarks: landmarks,
  };
}

/** The `on_capture_complete` payload, in shape A or B depending on the virtual-camera verdict. */
export async function captureResult(
  clip: Clip,
  additionalInfo: string,
  virtualCamera: boolean,
): Promise<CaptureResult> {
  const media = await mediaOf(clip);
  if (!virtualCamera)
    return { action: clip.action, from_virtual_camera: null, additional_info: additionalInfo, ...media };
  return {
    action: clip.action,
    best_frame: null,
    best_frame_png: null,
    best_frame_bounding_box: null,
    best_frame_landmarks: null,
    frame_list: null,
    frame_bounding_box_list: null,
    frame_landmarks: null,
    from_virtual_camera: { additional_info: additionalInfo, ...media },
  };
}
