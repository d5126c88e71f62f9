import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
/*
 * busboy rather than multer: multer is Express middleware that stores files itself (on disk under
 * a generated name, or in memory) and reports limit breaches as thrown errors into the Express
 * chain. We need neither storage nor middleware: busboy is the streaming parser multer is built
 * on, exposes every limit (file size, file/field/part counts, field size, header pairs) as an
 * event, and lets this module decide what to keep in memory and how to answer — as a value.
 */
import busboy from 'busboy';
import { accept, reject, type UploadError, type UploadResult, uploadError } from './errors.js';
import type { UploadLimits } from './limits.js';

export interface MultipartFile {
  /** Form field name; validated against `fieldPattern`. The client's file name is never kept. */
  readonly field: string;
  readonly data: Buffer;
  /** What the client claimed; informative only, the validators sniff the bytes. */
  readonly declaredType: string;
}

export interface ParsedMultipart {
  readonly fields: Readonly<Record<string, string>>;
  readonly files: readonly MultipartFile[];
}

export interface MultipartOptions {
  /** Largest single file part; the per-kind limits (photo, shot set) are checked afterwards. */
  readonly maxFileBytes?: number;
  /** Largest text field (JSON metadata travels in fields). */
  readonly maxFieldBytes?: number;
  /** Field names the route accepts; anything else is refused with upload_unexpected_field. */
  readonly fieldPattern?: RegExp;
}

export type MultipartSource = Readable & { readonly headers: IncomingHttpHeaders };

const DEFAULT_FIELD_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;
const DEFAULT_MAX_FIELD_BYTES = 256 * 1024;

/**
 * Parses a multipart/form-data request into memory under hard limits. Resolves exactly once and
 * never rejects. On refusal the request is unpiped and drained, so the caller can still answer
 * with the error's status (it should also send `Connection: close`).
 */
export function parseMultipart(
  req: MultipartSource,
  limits: UploadLimits,
  options: MultipartOptions = {},
): Promise<UploadResult<ParsedMultipart>> {
  const maxFileBytes = options.maxFileBytes ?? Math.max(limits.shotsZipBytes, limits.photoBytes);
  const maxFieldBytes = options.maxFieldBytes ?? DEFAULT_MAX_FIELD_BYTES;
  const fieldPattern = options.fieldPattern ?? DEFAULT_FIELD_PATTERN;

  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.requestBytes) {
    req.resume();
    return Promise.resolve(reject('upload_too_large', `request: ${declared} bytes > ${limits.requestBytes}`));
  }
  if (!/^multipart\/form-data\b/i.test(req.headers['content-type'] ?? '')) {
    req.resume();
    return Promise.resolve(reject('upload_unsupported_type', 'request is not multipart/form-data'));
  }

  return new Promise((resolve) => {
    const fields: Record<string, string> = {};
    const files: MultipartFile[] = [];
    const seen = new Set<string>();
    let received = 0;
    let settled = false;
    let parser: busboy.Busboy;

    const finish = (result: UploadResult<ParsedMultipart>) => {
      if (settled) return;
      settled = true;
      req.off('data', count);
      if (!result.ok) {
        req.unpipe(parser);
        parser.removeAllListeners();
        // Keep a listener so a late parser error cannot become an unhandled 'error' event.
        parser.on('error', () => {});
        req.resume();
      }
      resolve(result);
    };
    const fail = (error: UploadError) => finish({ ok: false, error });

    function count(chunk: Buffer) {
      received += chunk.length;
      if (received > limits.requestBytes)
        fail(uploadError('upload_too_large', `request over ${limits.requestBytes} bytes`));
    }

    const claim = (name: string): UploadError | undefined => {
      if (!fieldPattern.test(name))
        return uploadError('upload_unexpected_field', `field ${JSON.stringify(name)}`);
      if (seen.has(name)) return uploadError('upload_bad_request', `field ${name} given twice`);
      seen.add(name);
      return undefined;
    };

    try {
      parser = busboy({
        headers: req.headers,
        limits: {
          fileSize: maxFileBytes,
          files: limits.maxFiles,
          fields: limits.maxFields,
          parts: limits.maxFiles + limits.maxFields,
          fieldSize: maxFieldBytes,
          fieldNameSize: 100,
          headerPairs: 20,
        },
      });
    } catch (err) {
      req.resume();
      resolve(reject('upload_bad_request', err instanceof Error ? err.message : String(err)));
      return;
    }

    parser.on('file', (name, stream, info) => {
      const problem = claim(name);
      if (problem) {
        stream.resume();
        fail(problem);
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        if (!settled) chunks.push(chunk);
      });
      stream.on('limit', () =>
        fail(uploadError('upload_too_large', `file ${name} over ${maxFileBytes} bytes`)),
      );
      stream.on('end', () => {
        if (!settled && !stream.truncated) {
          files.push({ field: name, data: Buffer.concat(chunks), declaredType: info.mimeType });
        }
      });
    });
    parser.on('field', (name, value, info) => {
      if (info.nameTruncated || info.valueTruncated) {
        fail(uploadError('upload_too_large', `field ${name.slice(0, 64)} over the field size limit`));
        return;
      }
      const problem = claim(name);
      if (problem) fail(problem);
      else fields[name] = value;
    });
    parser.on('filesLimit', () =>
      fail(uploadError('upload_too_many_files', `more than ${limits.maxFiles} files`)),
    );
    parser.on('fieldsLimit', () =>
      fail(uploadError('upload_too_many_files', `more than ${limits.maxFields} fields`)),
    );
    parser.on('partsLimit', () => fail(uploadError('upload_too_many_files', 'too many parts')));
    parser.on('error', (err: unknown) =>
      fail(uploadError('upload_bad_request', err instanceof Error ? err.message : String(err))),
    );
    parser.on('close', () => finish(accept({ fields, files })));
    req.on('data', count);
    req.on('error', (err) => fail(uploadError('upload_bad_request', `request stream: ${err.message}`)));
    req.pipe(parser);
  });
}
