import { accept, reject, type UploadResult } from './errors.js';
import type { MultipartSource } from './multipart.js';

/**
 * Reads an `application/octet-stream` body (a sealed container) into memory under `maxBytes`.
 * Resolves once, never rejects. On refusal the rest of the request is drained (the caller should
 * answer with `Connection: close`), like parseMultipart, so the answer still reaches the client.
 */
export function readRawBody(req: MultipartSource, maxBytes: number): Promise<UploadResult<Buffer>> {
  if (!/^application\/octet-stream\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
    req.resume();
    return Promise.resolve(reject('upload_unsupported_type', 'request is not application/octet-stream'));
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    return Promise.resolve(reject('upload_too_large', `request: ${declared} bytes > ${maxBytes}`));
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const finish = (result: UploadResult<Buffer>) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      if (!result.ok) {
        // Keep a listener so a late stream error cannot become an unhandled 'error' event.
        req.on('error', () => {});
        req.resume();
      }
      resolve(result);
    };
    function onData(chunk: Buffer) {
      received += chunk.length;
      if (received > maxBytes) finish(reject('upload_too_large', `request over ${maxBytes} bytes`));
      else chunks.push(chunk);
    }
    function onEnd() {
      finish(accept(Buffer.concat(chunks, received)));
    }
    function onError(e: Error) {
      finish(reject('upload_bad_request', `request stream: ${e.message}`));
    }
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
