import { Redis } from 'ioredis';

/**
 * One ioredis connection for the adapter's shared state. Commands fail fast while Redis is unreachable (a
 * request then gets a clear 503 rather than hanging), and the client keeps reconnecting in the background.
 */
export async function connectRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 2,
    enableOfflineQueue: false,
    connectTimeout: 5_000,
  });
  // Without a listener ioredis reports connection errors as unhandled 'error' events.
  redis.on('error', () => {});
  try {
    await redis.connect();
  } catch (err) {
    // Stop the background reconnects of a client nobody will use.
    redis.disconnect();
    throw err;
  }
  return redis;
}
