import JSZip from 'jszip';

/**
 * Generators of hostile requests for the fuzz suite. Each returns what to send; the suite sends it
 * over a fresh loopback connection and records the status or the socket error.
 */
export interface HostileRequest {
  readonly kind: string;
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
  /** Send the body in this many pieces, this many ms apart (a slow-dripping client). */
  readonly drip?: { pieces: number; everyMs: number };
}

/** A small deterministic PRNG (mulberry32), so a failing run can be repeated with its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomBytes(rand: () => number, n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(rand() * 256);
  return b;
}

/** A multipart body by hand, so it can be malformed on purpose. */
export function multipart(
  boundary: string,
  parts: ReadonlyArray<{ name: string; filename?: string; type?: string; data: Buffer | string }>,
): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}`;
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`,
      ),
      Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

/** Archives an attacker would send instead of a shot set. */
export async function hostileZips(frame: Buffer): Promise<Record<string, Buffer>> {
  const zip = async (files: Record<string, Buffer | string>, compression: 'STORE' | 'DEFLATE' = 'STORE') => {
    const z = new JSZip();
    for (const [n, d] of Object.entries(files)) z.file(n, d);
    return z.generateAsync({ type: 'nodebuffer', compression });
  };
  const manifest = (frames: string[]) =>
    JSON.stringify({ version: 1, action: 'video_selfie_blank', frames, best_frame: frames[0] });
  const good = await zip({ '000.jpg': frame, 'manifest.json': manifest(['000.jpg']) });
  return {
    bomb: await zip(
      { '000.jpg': frame, 'pad.jpg': Buffer.alloc(8 * 1024 * 1024), 'manifest.json': manifest(['000.jpg']) },
      'DEFLATE',
    ),
    traversal: await zip({
      '../../etc/passwd.jpg': frame,
      'manifest.json': manifest(['../../etc/passwd.jpg']),
    }),
    absolute: await zip({ '/abs.jpg': frame, 'manifest.json': manifest(['/abs.jpg']) }),
    truncated: good.subarray(0, Math.floor(good.length / 2)),
    nonImage: await zip({ '000.jpg': 'GIF89a-not-a-jpeg', 'manifest.json': manifest(['000.jpg']) }),
    badManifest: await zip({ '000.jpg': frame, 'manifest.json': '{"version":1,' }),
    noManifest: await zip({ '000.jpg': frame }),
    unlisted: await zip({ '000.jpg': frame, 'x.jpg': frame, 'manifest.json': manifest(['000.jpg']) }),
  };
}
