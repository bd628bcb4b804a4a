import { serveSocket } from './serve-socket.js';

/**
 * The socket client thread's entry as ES modules (sources under tsx, or dist/ without bundles).
 * Built code normally runs dist/bundle/socket-worker.cjs, whose entry is serve-socket.ts.
 */
serveSocket();
