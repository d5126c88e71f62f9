import type { DevtoolsReaction, DevtoolsRecord, EvidenceReason } from '@open-liveness/trust';

export interface WindowMetrics {
  readonly outerWidth: number;
  readonly innerWidth: number;
  readonly outerHeight: number;
  readonly innerHeight: number;
  /** Mobile browsers' toolbars make outer/inner differ, so the check is skipped there. */
  readonly mobile: boolean;
}

/** Gaps larger than any browser chrome (toolbars, scrollbars) on a desktop browser. */
const WIDTH_GAP_PX = 160;
const HEIGHT_GAP_PX = 200;

/**
 * Docked-devtools heuristic: the devtools pane eats into the viewport, so the window's outer size
 * exceeds the inner size by more than browser chrome. It misses undocked devtools and can misfire
 * with browser zoom or side panels — a weak signal whose reaction the integrator chooses.
 */
export function devtoolsRecord(metrics: WindowMetrics, reaction: DevtoolsReaction): DevtoolsRecord {
  const widthGap = Math.max(0, metrics.outerWidth - metrics.innerWidth);
  const heightGap = Math.max(0, metrics.outerHeight - metrics.innerHeight);
  const open = !metrics.mobile && (widthGap > WIDTH_GAP_PX || heightGap > HEIGHT_GAP_PX);
  const reasons: EvidenceReason[] = open && reaction !== 'ignore' ? ['devtools_open'] : [];
  return { type: 'devtools', open, reaction, width_gap: widthGap, height_gap: heightGap, reasons };
}
