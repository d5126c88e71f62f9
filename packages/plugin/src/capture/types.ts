import type { OnDeviceResult } from '@open-liveness/trust';
import type { Box, Landmarks } from '../vision/types.js';

/** The media part of an `on_capture_complete` payload (plugin-api §5.4). Coordinates are frame pixels. */
export interface CaptureMedia {
  best_frame: string;
  best_frame_png: string;
  best_frame_bounding_box: Box;
  best_frame_landmarks: Landmarks;
  frame_list: string[];
  frame_bounding_box_list: Box[];
  frame_landmarks: Landmarks[];
}

type NullMedia = { [K in keyof CaptureMedia]: null };

/** Our extension: the `deviceId` of the camera actually used (after any switch), null when unknown. */
export interface CaptureDevice {
  device_id?: string | null;
  /** With `open({on_device: true})`: the on-device liveness result of the action (advisory). Both shapes. */
  on_device?: OnDeviceResult;
}

/** Shape A: no virtual camera seen. */
export type CaptureResultReal = {
  action: string;
  from_virtual_camera: null;
  additional_info: string;
} & CaptureMedia;
/** Shape B: a virtual camera was seen; the media moves under `from_virtual_camera`. */
export type CaptureResultVirtual = {
  action: string;
  from_virtual_camera: CaptureMedia & { additional_info: string };
} & NullMedia;

export type CaptureResult = (CaptureResultReal | CaptureResultVirtual) & CaptureDevice;
