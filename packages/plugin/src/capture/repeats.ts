/**
 * Repeated frames. A camera that delivers more frames than its source has (Chromium's file camera turns a
 * 25 fps clip into 30 fps; some webcams do the same in low light) hands over the same picture twice, which
 * encodes to the same JPEG bytes. The server declines a shot set with identical frames (a frozen or
 * replayed feed), so a clip records a picture once: a repeat of the previous recorded frame is left out.
 * A feed that is frozen for good then records nothing new and the action runs into its own timeout.
 */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Remembers the last recorded JPEG of each clip and tells whether a new one repeats it. */
export class RepeatFilter {
  private readonly last = new Map<number, Uint8Array>();

  /** True when `bytes` equal the clip's previous recorded frame; otherwise remembers them and returns false. */
  repeats(clipId: number, bytes: Uint8Array): boolean {
    const prev = this.last.get(clipId);
    if (prev && sameBytes(prev, bytes)) return true;
    this.last.set(clipId, bytes);
    return false;
  }

  forget(clipId: number): void {
    this.last.delete(clipId);
  }
}
