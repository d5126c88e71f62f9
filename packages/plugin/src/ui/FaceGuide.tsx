import { ovalFor } from '../flow/oval.js';

interface Props {
  width: number;
  height: number;
  ready: boolean;
  /** 0..1 while recording. */
  progress: number | null;
}

/** The oval the face must fill, with the outside dimmed and a ring that fills while recording. */
export function FaceGuide({ width, height, ready, progress }: Props) {
  const o = ovalFor(width, height);
  const ring = 2 * Math.PI * Math.sqrt((o.rx * o.rx + o.ry * o.ry) / 2);
  const mask = `M0 0H${width}V${height}H0Z M${o.cx - o.rx} ${o.cy}a${o.rx} ${o.ry} 0 1 0 ${2 * o.rx} 0a${o.rx} ${o.ry} 0 1 0 ${-2 * o.rx} 0Z`;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="xMidYMid meet" aria-hidden="true">
      <path class="ol-mask" d={mask} fill-rule="evenodd" />
      <ellipse class="ol-oval" data-ready={String(ready)} cx={o.cx} cy={o.cy} rx={o.rx} ry={o.ry} />
      {progress !== null && (
        <ellipse
          class="ol-progress"
          cx={o.cx}
          cy={o.cy}
          rx={o.rx}
          ry={o.ry}
          stroke-dasharray={`${ring * progress} ${ring}`}
          transform={`rotate(-90 ${o.cx} ${o.cy})`}
        />
      )}
    </svg>
  );
}
