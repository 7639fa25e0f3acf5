/** Prefix of the names of the caches the service worker makes; the build id follows it (see service-worker.ts). */
export const CACHE_PREFIX = 'letting-go';
