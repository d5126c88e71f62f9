import { openDemo, openWith } from './support/demo.js';
import { expect, test } from './support/fixtures.js';
import { near, pixelsAt, type Rgb } from './support/pixels.js';

// The built-in test pattern: no face, so the frame keeps its "not in place" colour.
test.use({ clip: null });

const root = '[data-oz-liveness]';

async function frameBox(page: import('@playwright/test').Page) {
  const frame = page.locator(`${root} .ol-oval`);
  await expect(frame).toBeVisible({ timeout: 30_000 });
  await expect(page.locator(`${root} .ol-hint`)).toBeVisible({ timeout: 30_000 });
  const box = await frame.boundingBox();
  if (!box) throw new Error('no frame');
  return box;
}

test('style: frame colour and width, tint outside the frame, hint colours; bad values only warn', async ({
  page,
}, testInfo) => {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await openDemo(page);
  await openWith(page, {
    style: {
      faceFrameCustomization: { strokeDefaultColor: '#FF00FF', strokeWidth: '12px', strokePadding: '0px' },
      backgroundCustomization: { backgroundColor: '#0000FF', backgroundOpacity: '100%' },
      centerHintCustomization: {
        backgroundColor: '#FFFF00',
        backgroundOpacity: '100%',
        textColor: '#000000',
      },
      baseColorCustomization: { backgroundPrimary: 'oops', textColorPrimary: 'not-a-colour!' },
    },
  });
  const box = await frameBox(page);
  const hint = await page.locator(`${root} .ol-hint`).boundingBox();
  if (!hint) throw new Error('no hint');
  const shot = testInfo.outputPath('style.png');
  await page.screenshot({ path: shot });
  await testInfo.attach('style', { path: shot, contentType: 'image/png' });
  const [stroke, outside, inside, hintBg] = await pixelsAt(page, [
    [box.x + box.width / 2, box.y + 3], // on the top of the 12 px stroke (its centre line is box.y)
    [box.x - 20, box.y + box.height / 2], // just outside the frame, on the picture
    [box.x + box.width / 2, box.y + box.height / 2 + 40], // inside the frame: the camera picture
    [hint.x + 4, hint.y + hint.height / 2], // the hint box's padding
  ]);
  expect(near(stroke as Rgb, [255, 0, 255]), `stroke ${stroke}`).toBe(true);
  expect(near(outside as Rgb, [0, 0, 255]), `tint ${outside}`).toBe(true);
  expect(near(inside as Rgb, [0, 0, 255], 60), `inside ${inside}`).toBe(false);
  expect(near(hintBg as Rgb, [255, 255, 0]), `hint ${hintBg}`).toBe(true);
  expect(warnings.filter((w) => w.includes('style.baseColorCustomization.backgroundPrimary'))).toHaveLength(
    1,
  );
  expect(warnings.filter((w) => w.includes('style.baseColorCustomization.textColorPrimary'))).toHaveLength(1);
});

test('style: the defaults are the light theme (white tint at 88%, #D51900 frame)', async ({ page }) => {
  await openDemo(page);
  await openWith(page, {});
  const box = await frameBox(page);
  const vars = await page.evaluate(() => {
    const el = document.querySelector('[data-oz-liveness]')?.shadowRoot?.querySelector('[part="root"]');
    const cs = el ? getComputedStyle(el) : null;
    return {
      stroke: cs?.getPropertyValue('--oz-face-frame-customization-stroke-default-color'),
      ready: cs?.getPropertyValue('--oz-face-frame-customization-stroke-face-in-frame-color'),
      tint: cs?.getPropertyValue('--oz-background-customization-background-opacity'),
    };
  });
  expect(vars).toEqual({ stroke: '#D51900', ready: '#00BCD5', tint: '88%' });
  const [stroke, outside] = await pixelsAt(page, [
    [box.x + box.width / 2, box.y + 3],
    [box.x - 20, box.y + box.height / 2],
  ]);
  expect(near(stroke as Rgb, [0xd5, 0x19, 0x00], 20), `stroke ${stroke}`).toBe(true);
  // 88% white over the green test pattern: very light.
  expect(Math.min(...(outside as Rgb)), `tint ${outside}`).toBeGreaterThan(200);
});

test('style: geometryType rectangle draws a rectangle and legacy options still apply', async ({ page }) => {
  await openDemo(page);
  await openWith(page, {
    style: {
      faceFrameCustomization: { geometryType: 'rectangle', cornersRadius: '0px', strokePadding: '0px' },
      faceFrame: { faceNotReady: '#00FF00' },
      backgroundOutsideFrame: { color: '#FF0000' },
    },
  });
  await expect(page.locator(`${root} svg[data-geometry="rectangle"] rect.ol-oval`)).toBeVisible({
    timeout: 30_000,
  });
  const box = await frameBox(page);
  // A rectangle's corner is on the stroke (an oval's bounding-box corner is not).
  const [corner, outside] = await pixelsAt(page, [
    [box.x + 3, box.y + 3],
    [box.x - 20, box.y + box.height / 2],
  ]);
  expect(near(corner as Rgb, [0, 255, 0], 30), `corner ${corner}`).toBe(true);
  expect(near(outside as Rgb, [255, 0, 0], 40), `tint ${outside}`).toBe(true);
});
