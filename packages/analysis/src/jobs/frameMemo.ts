import type { MediaRecord } from '../domain/types.js';
import type { FaceFound } from '../models/engine.js';
import type { RgbImage } from '../models/image.js';
import type { FaceToolkit } from '../models/pool.js';

/**
 * What the analyses of one group share per frame: the media's bytes, each frame decoded once and
 * searched for its main face once. A quality analysis of a shots set reads the clip checks' frames
 * (all of them) and the liveness frames (a sample of the same ones); without this both decoded and
 * detected the sample again. Media never change, so (media id, frame name) names one frame's pixels.
 * Failures are shared too: each caller reports them in its own words.
 */
export class FrameMemo {
  private readonly blobs = new Map<string, Promise<Uint8Array>>();
  private readonly images = new Map<string, Promise<RgbImage>>();
  private readonly faces = new Map<string, Promise<FaceFound | null>>();

  bytes(media: MediaRecord, read: (m: MediaRecord) => Promise<Uint8Array>): Promise<Uint8Array> {
    return remember(this.blobs, media.media_id, () => read(media));
  }

  image(media: MediaRecord, frame: string, bytes: Uint8Array, engine: FaceToolkit): Promise<RgbImage> {
    return remember(this.images, frameKey(media, frame), () => engine.decode(bytes));
  }

  /** The main face of a frame got from `image` (same media and name). */
  face(media: MediaRecord, frame: string, image: RgbImage, engine: FaceToolkit): Promise<FaceFound | null> {
    return remember(this.faces, frameKey(media, frame), () => engine.mainFace(image));
  }
}

const frameKey = (media: MediaRecord, frame: string): string => `${media.media_id}\u0000${frame}`;

function remember<T>(memo: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let value = memo.get(key);
  if (!value) {
    value = make();
    memo.set(key, value);
  }
  return value;
}
