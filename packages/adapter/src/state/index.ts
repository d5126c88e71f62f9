export { MemoryResultCache, memoryAdapterState } from './memory.js';
export { openRedisAdapterState, RedisResultCache, redisAdapterState } from './redis.js';
export { type AdapterState, RESULT_CACHE_TTL_MS, type ResultCache } from './types.js';
