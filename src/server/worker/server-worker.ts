import { serveRequests } from './serve-requests.js';

/**
 * The server thread's entry as ES modules (sources under tsx, or dist/ without bundles). Built
 * code normally runs dist/bundle/server-worker.cjs instead, whose entry is serve-requests.ts.
 */
serveRequests();
