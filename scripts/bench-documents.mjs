#!/usr/bin/env node
// Documents-analysis benchmark: MRZ location and OCR on the document fixtures, through the built
// analysis package (packages/analysis/dist). Prints numbers; not a test.
//
// Usage: node scripts/bench-documents.mjs [--runs N]   (needs `pnpm --filter @open-liveness/analysis build`)
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { checkFields, DEFAULT_FIELDS_TO_CHECK } from '../packages/analysis/dist/documents/fields.js';
import { TesseractMrzOcr } from '../packages/analysis/dist/documents/ocr.js';
import { readDocument } from '../packages/analysis/dist/documents/read.js';
import { fixturesDir } from './lib/probe-run.mjs';

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const files = [
  'passport_td3_utopia_specimen.jpg',
  'travel_doc_td2_utopia_specimen.jpg',
  'passport_lux_specimen_photographed.jpg',
];

const ocr = new TesseractMrzOcr();
console.log(
  `node ${process.version}, ${os.cpus().length} cores, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(
  'file | format | all fields valid | checked fields failed | locate ms (median) | OCR ms (median) | attempts | total ms (median)',
);
for (const f of files) {
  const bytes = new Uint8Array(readFileSync(join(fixturesDir, 'documents', f)));
  const rows = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    const r = await readDocument(bytes, ocr);
    rows.push({ r, total: performance.now() - s });
  }
  const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const last = rows.at(-1).r;
  console.log(
    [
      f,
      last.mrz?.format ?? '-',
      last.mrz?.valid ?? false,
      last.mrz ? checkFields(last.mrz, DEFAULT_FIELDS_TO_CHECK).failed.join(',') || 'none' : '-',
      med(rows.map((x) => x.r.locateMs)),
      med(rows.map((x) => x.r.ocrMs)),
      last.attempts,
      Math.round(med(rows.map((x) => x.total))),
    ].join(' | '),
  );
}
console.log(
  `OCR worker start (during the first read, not in the medians above unless runs = 1): ${ocr.startMs} ms`,
);
await ocr.close();
