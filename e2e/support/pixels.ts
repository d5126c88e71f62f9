import type { Page } from '@playwright/test';

export type Rgb = [number, number, number];

/**
 * The colours at the given page points in a real screenshot (what Chromium painted, shadow DOM included),
 * decoded in the page itself so the suite needs no image library.
 */
export async function pixelsAt(page: Page, points: Array<[number, number]>): Promise<Rgb[]> {
  const png = (await page.screenshot({ scale: 'css' })).toString('base64');
  return page.evaluate(
    async ({ png, points }) => {
      const blob = await (await fetch(`data:image/png;base64,${png}`)).blob();
      const bitmap = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(bitmap, 0, 0);
      return points.map(([x, y]) => {
        const d = ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data;
        return [d[0] ?? 0, d[1] ?? 0, d[2] ?? 0] as [number, number, number];
      });
    },
    { png, points },
  );
}

/** True when two colours are within `tolerance` on every channel. */
export const near = (a: Rgb, b: Rgb, tolerance = 12): boolean =>
  a.every((v, i) => Math.abs(v - (b[i] ?? 0)) <= tolerance);
