import { useEffect, useRef, useState } from 'preact/hooks';
import { ovalFor } from '../flow/oval.js';

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
  width: number;
  height: number;
  ready: boolean;
  /** 0..1 while recording. */
  progress: number | null;
  frame?: FrameLook;
}

/** CSS pixels per frame pixel of the drawn SVG (it is scaled to fit the stage, `meet`). */
function useScale(ref: { current: SVGSVGElement | null }, width: number, height: number): number {
  const [scale, setScale] = useState(1);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const update = () => {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) setScale(Math.min(r.width / width, r.height / height));
    };
    const ro = new ResizeObserver(update);
    ro.observe(el);
    update();
    return () => ro.disconnect();
  }, [ref, width, height]);
  return scale;
}

/**
 * The frame the face must fill (an oval, or a rounded rectangle), with the outside tinted and a ring that
 * fills while recording. The stroke sits `strokePadding` outside the frame area.
 */
export function FaceGuide({ width, height, ready, progress, frame = DEFAULT_FRAME }: Props) {
  const svg = useRef<SVGSVGElement>(null);
  const scale = useScale(svg, width, height);
  const o = ovalFor(width, height);
  const px = (v: number) => v / scale; // CSS pixels → frame pixels
  const gap = px(frame.strokePadding) + px(frame.strokeWidth) / 2;
  const ring = 2 * Math.PI * Math.sqrt(((o.rx + gap) ** 2 + (o.ry + gap) ** 2) / 2);
  const rect = frame.geometry === 'rectangle';
  const radius = Math.min(px(frame.cornersRadius), o.rx, o.ry);
  const hole = rect
    ? roundedRect(o.cx - o.rx, o.cy - o.ry, 2 * o.rx, 2 * o.ry, radius)
    : `M${o.cx - o.rx} ${o.cy}a${o.rx} ${o.ry} 0 1 0 ${2 * o.rx} 0a${o.rx} ${o.ry} 0 1 0 ${-2 * o.rx} 0Z`;
  const shape = (cls: string, extra: Record<string, string | number> = {}) =>
    rect ? (
      <rect
        class={cls}
        x={o.cx - o.rx - gap}
        y={o.cy - o.ry - gap}
        width={2 * (o.rx + gap)}
        height={2 * (o.ry + gap)}
        rx={radius > 0 ? radius + gap : 0}
        stroke-width={px(frame.strokeWidth)}
        {...extra}
      />
    ) : (
      <ellipse
        class={cls}
        cx={o.cx}
        cy={o.cy}
        rx={o.rx + gap}
        ry={o.ry + gap}
        stroke-width={px(frame.strokeWidth)}
        {...extra}
      />
    );
  return (
    <svg
      ref={svg}
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="xMidYMid meet"
      aria-hidden="true"
      part="face-frame"
      data-geometry={frame.geometry}
    >
      <path class="ol-mask" d={`M0 0H${width}V${height}H0Z ${hole}`} fill-rule="evenodd" />
      {shape('ol-oval', { 'data-ready': String(ready) })}
      {progress !== null &&
        shape('ol-progress', {
          'stroke-dasharray': `${ring * progress} ${ring}`,
          transform: `rotate(-90 ${o.cx} ${o.cy})`,
          'stroke-width': px(frame.strokeWidth) + 2,
        })}
    </svg>
  );
}

/** A rounded-rectangle sub-path (clockwise) for the tint's hole. */
function roundedRect(x: number, y: number, w: number, h: number, r: number): string {
  if (r <= 0) return `M${x} ${y}H${x + w}V${y + h}H${x}Z`;
  return `M${x + r} ${y}H${x + w - r}A${r} ${r} 0 0 1 ${x + w} ${y + r}V${y + h - r}A${r} ${r} 0 0 1 ${x + w - r} ${y + h}H${x + r}A${r} ${r} 0 0 1 ${x} ${y + h - r}V${y + r}A${r} ${r} 0 0 1 ${x + r} ${y}Z`;
}
