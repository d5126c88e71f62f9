// A stand-in inference thread speaking the pool's protocol (see src/models/pool.ts), for pool tests:
// mainFace answers with the image width and this thread's id; antispoofScores with how the pixels
// arrived (shared memory or a copy) and their sum; landmarks fails; embedding kills the thread;
// decode answers a 1-pixel-high frame whose pixels are the bytes it got, in shared memory.
import { parentPort, threadId, workerData } from 'node:worker_threads';

if (workerData.fail) {
  parentPort.postMessage({ fatal: 'no models here' });
} else {
  parentPort.on('message', (r) => {
    if (r === 'close') return parentPort.close();
    if (r.method === 'decode') {
      const data = new Uint8Array(new SharedArrayBuffer(r.bytes.byteLength));
      data.set(r.bytes);
      const value = {
        width: r.bytes.byteLength / 3,
        height: 1,
        data,
        bufferBytes: r.bytes.buffer.byteLength,
      };
      parentPort.postMessage({ id: r.id, ok: true, value });
    } else if (r.method === 'mainFace')
      setTimeout(
        () => parentPort.postMessage({ id: r.id, ok: true, value: { width: r.image.width, threadId } }),
        20,
      );
    else if (r.method === 'antispoofScores') {
      const shared = r.image.data.buffer instanceof SharedArrayBuffer;
      const sum = r.image.data.reduce((a, b) => a + b, 0);
      parentPort.postMessage({ id: r.id, ok: true, value: { shared, sum } });
    } else if (r.method === 'landmarks') parentPort.postMessage({ id: r.id, ok: false, message: 'bad crop' });
    else if (r.method === 'embedding') process.exit(3);
  });
  parentPort.postMessage('ready');
}
