/**
 * Finding the machine-readable zone on a document photo, without OCR: the MRZ is two or three
 * long, evenly spaced lines of dense monospace characters (chevron fillers included) that run
 * across most of the document's width. Text elsewhere on a document is shorter and broken by
 * word gaps. The search works on a small greyscale copy, so it costs a few milliseconds.
 */

/** 8-bit greyscale, row-major. */
export interface GreyImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** A region in the coordinates of the image that was searched. */
export interface Region {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface MrzCandidate {
  /** The zone, with a margin, clamped to the image. */
  readonly region: Region;
  /** Number of text bands found inside it (2 or 3 for a real MRZ). */
  readonly lines: number;
  /** Mean band length relative to the image width, 0–1 (how wide the zone is). */
  readonly span: number;
  /** Slope of the lines in degrees, among the tried ones (positive: falling to the right). */
  readonly angle: number;
}

export interface LocateOptions {
  /** A band must run over at least this fraction of the image width. Default 0.3. */
  minSpan?: number;
  /** Edge threshold on the horizontal gradient, grey levels. Default: adaptive. */
  edgeThreshold?: number;
  /** Slopes to try, degrees. Default: 0, ±2, ±4, ±6, ±8. */
  angles?: readonly number[];
}

interface Band {
  y1: number;
  y2: number;
  x1: number;
  x2: number;
  /** Longest single-row run in the band: a tilted line seen at the wrong slope has short rows. */
  len: number;
}

/** Horizontal gradient magnitude; dark-on-light text gives strong, dense vertical edges. */
export function edgeMap(img: GreyImage, threshold: number | undefined): Uint8Array {
  const { width: w, height: h, data } = img;
  const grad = new Uint8Array(w * h);
  const histogram = new Uint32Array(256);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 1; x < w - 1; x++) {
      const g = Math.abs((data[row + x + 1] as number) - (data[row + x - 1] as number));
      grad[row + x] = g;
      histogram[g] = (histogram[g] as number) + 1;
    }
  }
  // Adaptive: the 88th percentile of the gradient, at least 24 grey levels, so that flat
  // backgrounds and soft guilloche patterns stay below it while glyph edges rise above.
  let t = threshold;
  if (t === undefined) {
    const target = w * h * 0.88;
    let acc = 0;
    t = 255;
    for (let g = 0; g < 256; g++) {
      acc += histogram[g] as number;
      if (acc >= target) {
        t = g;
        break;
      }
    }
    t = Math.max(24, t);
  }
  const edges = new Uint8Array(w * h);
  for (let i = 0; i < grad.length; i++) edges[i] = (grad[i] as number) >= t ? 1 : 0;
  return edges;
}

/** `out[y][x]` is set when an edge lies within `reach` rows of (x, y). */
export function dilateRows(edges: Uint8Array, w: number, h: number, reach: number): Uint8Array {
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - reach);
    const y1 = Math.min(h - 1, y + reach);
    const row = y * w;
    for (let yy = y0; yy <= y1; yy++) {
      const src = yy * w;
      for (let x = 0; x < w; x++) if (edges[src + x]) out[row + x] = 1;
    }
  }
  return out;
}

/**
 * Per (sheared) row, the longest run of columns that have an edge within `gap` pixels (a closing
 * of the edge map along the row) in `near`, the edge map dilated by a few rows. Row `y` of slope `t` is the
 * line of pixels `(x, y + x·t)`, so a tilted MRZ line is still one run at its own slope.
 */
export function longestRuns(near: Uint8Array, w: number, h: number, gap: number, slope = 0): Band[] {
  const colHit = new Uint8Array(w);
  const shift = new Int32Array(w);
  for (let x = 0; x < w; x++) shift[x] = Math.round(x * slope);
  const minShift = Math.min(0, shift[w - 1] as number);
  const maxShift = Math.max(0, shift[w - 1] as number);
  const runs: Band[] = [];
  for (let y = -maxShift; y < h - minShift; y++) {
    colHit.fill(0);
    for (let x = 0; x < w; x++) {
      const yy = y + (shift[x] as number);
      colHit[x] = yy >= 0 && yy < h ? (near[yy * w + x] as number) : 0;
    }
    let best = { x1: 0, x2: -1 };
    let start = -1;
    let lastHit = -1;
    for (let x = 0; x < w; x++) {
      if (!colHit[x]) continue;
      if (start < 0 || x - lastHit > gap) start = x;
      lastHit = x;
      if (x - start > best.x2 - best.x1) best = { x1: start, x2: x };
    }
    runs.push({ y1: y, y2: y, x1: best.x1, x2: best.x2, len: best.x2 - best.x1 });
  }
  return runs;
}

/** Consecutive rows whose longest run is long enough, merged into text bands. */
export function bandsOf(runs: readonly Band[], minLength: number): Band[] {
  const bands: Band[] = [];
  let cur: Band | null = null;
  for (const r of runs) {
    const long = r.len >= minLength;
    if (long && cur) {
      cur.y2 = r.y1;
      cur.x1 = Math.min(cur.x1, r.x1);
      cur.x2 = Math.max(cur.x2, r.x2);
      cur.len = Math.max(cur.len, r.len);
    } else if (long) {
      cur = { ...r };
    } else if (cur) {
      bands.push(cur);
      cur = null;
    }
  }
  if (cur) bands.push(cur);
  return bands;
}

/** Groups of 2–3 bands of similar height and extent, close together: MRZ shapes. */
function groups(bands: readonly Band[], h: number): Band[][] {
  const out: Band[][] = [];
  const usable = bands.filter((b) => {
    const bh = b.y2 - b.y1 + 1;
    return bh >= 2 && bh <= h * 0.12;
  });
  for (let i = 0; i < usable.length; i++) {
    const group = [usable[i] as Band];
    for (let j = i + 1; j < usable.length && group.length < 3; j++) {
      const prev = group[group.length - 1] as Band;
      const next = usable[j] as Band;
      const ph = prev.y2 - prev.y1 + 1;
      const nh = next.y2 - next.y1 + 1;
      const gapY = next.y1 - prev.y2;
      const similarHeight = Math.min(ph, nh) / Math.max(ph, nh) >= 0.4;
      const overlapX = Math.min(prev.x2, next.x2) - Math.max(prev.x1, next.x1);
      const widthish = Math.min(prev.len, next.len);
      if (gapY <= Math.max(ph, nh) * 2.5 && similarHeight && overlapX >= widthish * 0.6) group.push(next);
      else break;
    }
    if (group.length >= 2) out.push(group);
  }
  return out;
}

/** Slopes tried, in degrees: documents held by hand or photographed at an angle are tilted. */
const ANGLES = [0, -2, 2, -4, 4, -6, 6, -8, 8];

/**
 * The most MRZ-like zone of the image, or null when there is none. Prefers the widest group of
 * bands over every tried slope; among equals, the straighter and then the lower one (the MRZ is at
 * the bottom of a passport page or card back). `angle` is the slope of the lines in degrees
 * (positive: the lines fall to the right); `region` is the axis-aligned box around the zone.
 */
export function locateMrz(img: GreyImage, options: LocateOptions = {}): MrzCandidate | null {
  const { width: w, height: h } = img;
  if (w < 32 || h < 16) return null;
  const edges = edgeMap(img, options.edgeThreshold);
  const gap = Math.max(3, Math.round(w / 60));
  const reach = Math.max(1, Math.round(h / 300));
  const minLength = w * (options.minSpan ?? 0.3);
  const near = dilateRows(edges, w, h, reach);
  let best: { group: Band[]; score: number; angle: number; slope: number } | null = null;
  for (const angle of options.angles ?? ANGLES) {
    const slope = Math.tan((angle * Math.PI) / 180);
    const runs = longestRuns(near, w, h, gap, slope);
    for (const g of groups(bandsOf(runs, minLength), h)) {
      const span = g.reduce((s, b) => s + b.len, 0) / g.length / w;
      const score = span - Math.abs(angle) / 1000 + (g[0] as Band).y1 / h / 1000;
      if (!best || score > best.score) best = { group: g, score, angle, slope };
    }
  }
  if (!best) return null;
  const g = best.group;
  const top = (g[0] as Band).y1;
  const bottom = (g[g.length - 1] as Band).y2;
  const lineH = (bottom - top + 1) / g.length;
  const x1 = Math.min(...g.map((b) => b.x1));
  const x2 = Math.max(...g.map((b) => b.x2));
  // Back from sheared rows to image rows: row y at column x is y + x·slope.
  const ys = [
    top + x1 * best.slope,
    top + x2 * best.slope,
    bottom + x1 * best.slope,
    bottom + x2 * best.slope,
  ];
  const mx = Math.round(w * 0.03);
  const my = Math.round(lineH * 0.6);
  const rx = Math.max(0, x1 - mx);
  const ry = Math.max(0, Math.floor(Math.min(...ys)) - my);
  return {
    region: {
      x: rx,
      y: ry,
      width: Math.min(w, x2 + mx + 1) - rx,
      height: Math.min(h, Math.ceil(Math.max(...ys)) + my + 1) - ry,
    },
    lines: g.length,
    span: g.reduce((s, b) => s + b.len, 0) / g.length / w,
    angle: best.angle,
  };
}
