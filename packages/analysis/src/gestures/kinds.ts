/** The gestures the server verifies, and the action tag that asks for each. */
export type GestureKind = 'left' | 'right' | 'high' | 'down' | 'smile' | 'blink';

const BY_TAG: Readonly<Record<string, GestureKind>> = {
  video_selfie_left: 'left',
  video_selfie_right: 'right',
  video_selfie_high: 'high',
  video_selfie_down: 'down',
  video_selfie_smile: 'smile',
  video_selfie_eyes: 'blink',
};

/** The gesture a media item's tags ask for, or null for passive actions (blank, best, scan). */
export function gestureOfTags(tags: readonly string[]): GestureKind | null {
  for (const t of tags) {
    const g = BY_TAG[t];
    if (g) return g;
  }
  return null;
}
