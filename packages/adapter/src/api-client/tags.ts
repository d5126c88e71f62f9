/*
 * Media tags per action (actions.md §3). The web action ids coincide with the API's action tags,
 * with one exception: `video_selfie_best` ("One shot") is not in the API vocabulary. We send
 * `video_selfie_oneshot` (added to the API in 3.23.0 for one-frame analysis), which is what the
 * Android/iOS/Flutter SDKs send for the same action (OneShot → VideoSelfieOneShot); an API that
 * receives the unknown `video_selfie_best` would at best ignore it.
 */

export type Orientation = 'portrait' | 'landscape';

const ACTION_TAG_OVERRIDES: Readonly<Record<string, string>> = { video_selfie_best: 'video_selfie_oneshot' };

const PHOTO_TAGS: Readonly<Record<string, readonly string[]>> = {
  photo_id_front: ['photo_id', 'photo_id_front'],
  photo_id_back: ['photo_id', 'photo_id_back'],
  photo_selfie: ['photo_selfie'],
};

export function isVideoAction(action: string): boolean {
  return /^video_selfie_[a-z0-9_]+$/.test(action);
}

/** Tags for one media item, or undefined for an action the API has no tags for. */
export function tagsForAction(
  action: string,
  orientation: Orientation = 'portrait',
): readonly string[] | undefined {
  if (isVideoAction(action)) {
    return ['video_selfie', ACTION_TAG_OVERRIDES[action] ?? action, `orientation_${orientation}`];
  }
  return PHOTO_TAGS[action];
}
