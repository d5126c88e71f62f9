import type { GestureHintKind } from './gesture-kind.js';

/**
 * The gesture hint (`hintAnimation`): a face that makes the asked-for movement, on a glow of
 * `hintGradientColor`. Decorative (the prompt says it in words), so hidden from screen readers; under
 * `prefers-reduced-motion` it stands still showing the movement's end point. Head turns are drawn as the
 * preview shows them (mirrored or not), never flipped for right-to-left text.
 */
export function GestureHint({ kind }: { kind: GestureHintKind }) {
  return (
    <div class="ol-gesture" part="gesture-hint" data-gesture={kind} aria-hidden="true">
      <svg viewBox="0 0 80 80" aria-hidden="true">
        <g class="ol-g-head">
          <ellipse cx="40" cy="40" rx="20" ry="26" />
          <path class="ol-g-eyes" d="M32 33v5M48 33v5" />
          <path class="ol-g-mouth" d="M33 52q7 3 14 0" />
        </g>
        <path class="ol-g-arrow" d="M62 40h12m-5-5 5 5-5 5" />
      </svg>
    </div>
  );
}
