import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';

/** Characters an MRZ may contain. */
const MRZ_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';

/**
 * The traineddata shipped by the `@tesseract.js-data/eng` package: its `4.0.0` folder holds the
 * model with the legacy (pattern-matching) engine, which reads OCR-B chevrons reliably where the
 * LSTM-only `best_int` model reads most `<` as K or L (measured on the document fixtures).
 */
export function englishDataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0');
}

export interface OcrText {
  text: string;
  /** Tesseract's mean word confidence, 0–100. */
  confidence: number;
  /** Wall time of this recognition, ms. */
  ms: number;
}

export interface MrzOcr {
  recognize(png: Uint8Array): Promise<OcrText>;
  close(): Promise<void>;
}

/**
 * Tesseract (tesseract.js: the C++ engine compiled to wasm) in its own worker thread, so OCR never
 * blocks the event loop that serves the API. Started on first use (about a second), reused after,
 * one recognition at a time. Nothing is fetched: the core wasm and the traineddata come from
 * node_modules.
 */
export class TesseractMrzOcr implements MrzOcr {
  private worker: Promise<Worker> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** How long the worker took to start, ms (null until started). */
  startMs: number | null = null;

  constructor(private readonly langPath: string = englishDataDir()) {}

  private start(): Promise<Worker> {
    if (!this.worker) {
      const t0 = performance.now();
      this.worker = (async () => {
        const w = await createWorker('eng', OEM.TESSERACT_ONLY, {
          langPath: this.langPath,
          gzip: true,
          cacheMethod: 'none',
        });
        await w.setParameters({
          tessedit_char_whitelist: MRZ_ALPHABET,
          tessedit_pageseg_mode: PSM.SINGLE_BLOCK,
          // PNG crops carry no density; without this Tesseract guesses and warns on stderr.
          user_defined_dpi: '300',
        });
        this.startMs = Math.round(performance.now() - t0);
        return w;
      })();
      // A failed start must not poison later attempts.
      this.worker.catch(() => {
        this.worker = null;
      });
    }
    return this.worker;
  }

  recognize(png: Uint8Array): Promise<OcrText> {
    const run = this.queue.then(async () => {
      const w = await this.start();
      const t0 = performance.now();
      const r = await w.recognize(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
      return { text: r.data.text, confidence: r.data.confidence, ms: Math.round(performance.now() - t0) };
    });
    this.queue = run.catch(() => {});
    return run;
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await (await w.catch(() => null))?.terminate();
  }
}
