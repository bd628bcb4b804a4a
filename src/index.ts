/**
 * omero-shell as a library: `import * as omero from 'omero-shell'` (or `require('omero-shell')`)
 * gives the `omero` namespace of OMERO's Python API.
 *
 * ```ts
 * const client = new omero.client('localhost');
 * const session = client.createSession('user-2', process.env.OMERO_PASSWORD!);
 * console.log(session.getAdminService().getEventContext().groupName);
 * ```
 */
import { omero } from './omero-namespace.js';

export const { client, model, rtypes, sys, cmd, callbacks } = omero;
export * from './model/exceptions/index.js';
export { omero };
