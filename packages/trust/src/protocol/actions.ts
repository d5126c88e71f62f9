/**
 * The action ids of `open({action})` (actions.md §1), shared by the plugin (what it can be asked for)
 * and the adapter (what its config may list): one list, so the two can never disagree.
 */
export const VIDEO_ACTIONS = [
  'video_selfie_blank',
  'video_selfie_best',
  'video_selfie_scan',
  'video_selfie_smile',
  'video_selfie_eyes',
  'video_selfie_left',
  'video_selfie_right',
  'video_selfie_high',
  'video_selfie_down',
] as const;
export const PHOTO_ACTIONS = ['photo_id_front', 'photo_id_back'] as const;
export const ACTIONS = [...PHOTO_ACTIONS, ...VIDEO_ACTIONS] as const;

export type VideoActionId = (typeof VIDEO_ACTIONS)[number];
export type PhotoActionId = (typeof PHOTO_ACTIONS)[number];
export type ActionId = (typeof ACTIONS)[number];
