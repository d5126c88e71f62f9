import type { Oval } from '../flow/oval.js';

interface Props {
  /** The oval in frame pixels, as the core measures the face against it. */
  oval: Oval;
  width: number;
  height: number;
  ready: boolean;
  /** 0..1 while recording. */
  progress: number | null;
  /** How the frame is fitted to the stage (cover crops the frame, contain letterboxes it). */
  fit: 'cover' | 'contain';
}

/** Gap between the oval and the progress ring, in frame pixels. */
const RING_GAP = 7;

/** The oval the face must fill, with the outside dimmed and a ring concentric with it that fills while recording. */
export function FaceGuide({ oval: o, width, height, ready, progress, fit }: Props) {
  const mask = `M0 0H${width}V${height}H0Z M${o.cx - o.rx} ${o.cy}a${o.rx} ${o.ry} 0 1 0 ${2 * o.rx} 0a${o.rx} ${o.ry} 0 1 0 ${-2 * o.rx} 0Z`;
  // The ring starts at the top and runs clockwise, drawn as a path so no rotation moves it off the oval.
  const rx = o.rx + RING_GAP;
  const ry = o.ry + RING_GAP;
  const ring = `M${o.cx} ${o.cy - ry}a${rx} ${ry} 0 1 1 0 ${2 * ry}a${rx} ${ry} 0 1 1 0 ${-2 * ry}`;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio={fit === 'cover' ? 'xMidYMid slice' : 'xMidYMid meet'}
      aria-hidden="true"
    >
      <path class="ol-mask" d={mask} fill-rule="evenodd" />
      <ellipse class="ol-oval" data-ready={String(ready)} cx={o.cx} cy={o.cy} rx={o.rx} ry={o.ry} />
      {progress !== null && (
        <path
          class="ol-progress"
          d={ring}
          pathLength={1}
          stroke-dasharray={`${progress} 1`}
          data-cx={o.cx}
          data-cy={o.cy}
        />
      )}
    </svg>
  );
}
