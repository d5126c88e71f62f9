import { useEffect, useRef } from 'preact/hooks';

/**
 * The 3D mask's canvas over the camera picture. Its drawing is handed to the vision worker
 * (`transferControlToOffscreen`), which has the landmarks and draws the mesh at display rate; the page side
 * holds nothing per frame. The worker sizes it to the frame, so the stage's fit and mirror rules match the video.
 */
export function MaskCanvas({ onCanvas }: { onCanvas: (canvas: OffscreenCanvas | null) => void }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof el.transferControlToOffscreen !== 'function') return;
    onCanvas(el.transferControlToOffscreen());
    return () => onCanvas(null);
  }, [onCanvas]);
  return <canvas ref={ref} part="mask" />;
}
