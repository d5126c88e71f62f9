import { useEffect, useRef, useState } from 'preact/hooks';
import type { Oval } from '../flow/oval.js';

/** The frame's shape and sizes in CSS pixels (faceFrameCustomization); colours come from CSS variables. */
export interface FrameLook {
  geometry: 'oval' | 'rectangle';
  cornersRadius: number;
  strokeWidth: number;
  strokePadding: number;
}

export const DEFAULT_FRAME: FrameLook = {
  geometry: 'oval',
  cornersRadius: 0,
  strokeWidth: 6,
  strokePadding: 4,
};

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
  frame?: FrameLook;
}

/** Gap between the frame's stroke and the progress ring, in CSS pixels. */
const RING_GAP = 7;

/** CSS pixels per frame pixel of the drawn SVG, for the fit in use. */
function useScale(
  ref: { current: SVGSVGElement | null },
  width: number,
  height: number,
  fit: Props['fit'],
): number {
  const [scale, setScale] = useState(1);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const update = () => {
      const r = el.getBoundingClientRect();
      if (r.width <= 0 || r.height <= 0) return;
      const sx = r.width / width;
      const sy = r.height / height;
      setScale(fit === 'cover' ? Math.max(sx, sy) : Math.min(sx, sy));
    };
    const ro = new ResizeObserver(update);
    ro.observe(el);
    update();
    return () => ro.disconnect();
  }, [ref, width, height, fit]);
  return scale;
}

/** A rounded-rectangle sub-path (clockwise) for the tint's hole. */
function roundedRect(x: number, y: number, w: number, h: number, r: number): string {
  if (r <= 0) return `M${x} ${y}H${x + w}V${y + h}H${x}Z`;
  return `M${x + r} ${y}H${x + w - r}A${r} ${r} 0 0 1 ${x + w} ${y + r}V${y + h - r}A${r} ${r} 0 0 1 ${x + w - r} ${y + h}H${x + r}A${r} ${r} 0 0 1 ${x} ${y + h - r}V${y + r}A${r} ${r} 0 0 1 ${x + r} ${y}Z`;
}

/** An ellipse as a path that starts at the top and runs clockwise, so a ring fills from 12 o'clock. */
function ellipseFromTop(cx: number, cy: number, rx: number, ry: number): string {
  return `M${cx} ${cy - ry}a${rx} ${ry} 0 1 1 0 ${2 * ry}a${rx} ${ry} 0 1 1 0 ${-2 * ry}`;
}

/**
 * The frame the face must fill (an oval, or a rounded rectangle), with the outside tinted and a ring
 * concentric with it that fills while recording. The stroke sits `strokePadding` outside the frame area.
 */
export function FaceGuide({ oval: o, width, height, ready, progress, fit, frame = DEFAULT_FRAME }: Props) {
  const svg = useRef<SVGSVGElement>(null);
  const scale = useScale(svg, width, height, fit);
  const px = (v: number) => v / scale; // CSS pixels → frame pixels
  const stroke = px(frame.strokeWidth);
  const gap = px(frame.strokePadding) + stroke / 2;
  const ringGap = gap + stroke / 2 + px(RING_GAP);
  const rect = frame.geometry === 'rectangle';
  const radius = Math.min(px(frame.cornersRadius), o.rx, o.ry);
  const hole = rect
    ? roundedRect(o.cx - o.rx, o.cy - o.ry, 2 * o.rx, 2 * o.ry, radius)
    : `M${o.cx - o.rx} ${o.cy}a${o.rx} ${o.ry} 0 1 0 ${2 * o.rx} 0a${o.rx} ${o.ry} 0 1 0 ${-2 * o.rx} 0Z`;
  const outline = (g: number) =>
    rect
      ? roundedRect(
          o.cx - o.rx - g,
          o.cy - o.ry - g,
          2 * (o.rx + g),
          2 * (o.ry + g),
          radius > 0 ? radius + g : 0,
        )
      : ellipseFromTop(o.cx, o.cy, o.rx + g, o.ry + g);
  return (
    <svg
      ref={svg}
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio={fit === 'cover' ? 'xMidYMid slice' : 'xMidYMid meet'}
      aria-hidden="true"
      part="face-frame"
      data-geometry={frame.geometry}
    >
      <path class="ol-mask" d={`M0 0H${width}V${height}H0Z ${hole}`} fill-rule="evenodd" />
      {rect ? (
        <rect
          class="ol-oval"
          data-ready={String(ready)}
          x={o.cx - o.rx - gap}
          y={o.cy - o.ry - gap}
          width={2 * (o.rx + gap)}
          height={2 * (o.ry + gap)}
          rx={radius > 0 ? radius + gap : 0}
          stroke-width={stroke}
        />
      ) : (
        <ellipse
          class="ol-oval"
          data-ready={String(ready)}
          cx={o.cx}
          cy={o.cy}
          rx={o.rx + gap}
          ry={o.ry + gap}
          stroke-width={stroke}
        />
      )}
      {progress !== null && (
        <path
          class="ol-progress"
          d={outline(ringGap)}
          pathLength={1}
          stroke-dasharray={`${progress} 1`}
          stroke-width={stroke + px(2)}
          data-cx={o.cx}
          data-cy={o.cy}
        />
      )}
    </svg>
  );
}
