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

/** What the filter needs of an encoded frame (a Blob). */
export interface EncodedFrame {
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Remembers the last recorded frame of each clip and tells whether a new one repeats it. */
export class RepeatFilter {
  private readonly last = new Map<number, EncodedFrame>();

  /**
   * True when `frame` has the bytes of the clip's previous recorded frame; otherwise remembers it.
   * Bytes are read only when the sizes match, which distinct JPEGs almost never do. Never rejects.
   */
  async repeats(clipId: number, frame: EncodedFrame): Promise<boolean> {
    const prev = this.last.get(clipId);
    if (prev && prev.size === frame.size) {
      try {
        const [a, b] = await Promise.all([prev.arrayBuffer(), frame.arrayBuffer()]);
        if (sameBytes(new Uint8Array(a), new Uint8Array(b))) return true;
      } catch {
        // Bytes that cannot be read count as a new picture: the frame is kept rather than the clip stalled.
      }
    }
    this.last.set(clipId, frame);
    return false;
  }

  forget(clipId: number): void {
    this.last.delete(clipId);
  }
}
