import {
  CommentAnnotationI,
  DatasetI,
  Delete2,
  Delete2Response,
  ERR,
  ExperimenterGroupI,
  ExperimenterI,
  ImageI,
  PermissionsI,
  ProjectI,
  TagAnnotationI,
  rbool,
  rstring,
  type Request,
  type Response,
} from '../../src/model/index.js';
import { CmdCallbackI } from '../../src/client/cmd-callback.js';
import type { OmeroClient } from '../../src/client/omero-client.js';

/** `{'omero.group': '<id>'}`. */
export function inGroup(groupId: number | string): Record<string, string> {
  return { 'omero.group': String(groupId) };
}

export function newProject(name: string): ProjectI {
  const p = new ProjectI();
  p.name = rstring(name);
  return p;
}

export function newDataset(name: string): DatasetI {
  const d = new DatasetI();
  d.name = rstring(name);
  return d;
}

export function newImage(name: string): ImageI {
  const i = new ImageI();
  i.name = rstring(name);
  return i;
}

export function newComment(text: string): CommentAnnotationI {
  const c = new CommentAnnotationI();
  c.textValue = rstring(text);
  return c;
}

export function newTag(text: string): TagAnnotationI {
  const t = new TagAnnotationI();
  t.textValue = rstring(text);
  return t;
}

export function newGroup(name: string, perms: string): ExperimenterGroupI {
  const g = new ExperimenterGroupI();
  g.name = rstring(name);
  g.ldap = rbool(false);
  g.details.permissions = new PermissionsI(perms);
  return g;
}

/** A new, unsaved local user with a login and placeholder names. */
export function newExperimenter(omeName: string, firstName = 'First', lastName = 'Last'): ExperimenterI {
  const e = new ExperimenterI();
  e.omeName = rstring(omeName);
  e.firstName = rstring(firstName);
  e.lastName = rstring(lastName);
  e.ldap = rbool(false);
  return e;
}

/** Seed 002's pattern: submit, wait with CmdCallbackI.loop(10, 1000), always close the handle. */
export function submitAndWait(client: OmeroClient, request: Request, ctx?: Record<string, string>): Response {
  const handle = client.getSession().submit(request, ctx);
  try {
    const callback = new CmdCallbackI(client, handle);
    return callback.loop(10, 1000) as Response;
  } finally {
    handle.close();
  }
}

/**
 * Whether a data object exists, asked of an administrator through a dry-run Delete2 (IQuery is
 * not served yet): OK → it exists; "cannot read all the specified objects" → it does not. With
 * `groupId`, whether it exists in that group.
 */
export function exists(admin: OmeroClient, className: string, id: number, groupId?: number): boolean {
  const ctx = groupId === undefined ? undefined : inGroup(groupId);
  const rsp = submitAndWait(admin, new Delete2({ targetObjects: { [className]: [id] }, dryRun: true }), ctx);
  if (rsp instanceof Delete2Response) return true;
  if (rsp instanceof ERR && /cannot read all the specified objects/.test(rsp.parameters?.message ?? '')) return false;
  throw new Error(`unexpected answer to the existence probe: ${String(rsp)}`);
}

/** The message of an ERR response ('' for anything else). */
export function errMessage(rsp: unknown): string {
  return rsp instanceof ERR ? (rsp.parameters?.message ?? '') : '';
}
