import { CmdCallbackI } from './client/cmd-callback.js';
import { OmeroClient } from './client/omero-client.js';
import { cmd, exceptions, model, rtypes, sys } from './model/namespaces.js';

/** `omero.callbacks` (reference api §4.4). */
export const callbacks = Object.freeze({ CmdCallbackI });

/**
 * The `omero` namespace as Python users know it: `omero.client`, `omero.model`, `omero.rtypes`,
 * `omero.sys`, `omero.cmd`, `omero.callbacks`, and the exceptions (`omero.SecurityViolation`).
 */
export const omero = Object.freeze({
  client: OmeroClient,
  model,
  rtypes,
  sys,
  cmd,
  callbacks,
  ...exceptions,
});

/**
 * The names a Python user has at top level after the seed's imports
 * (`from omero.model import *`, `from omero.rtypes import *`, `from omero.sys import ParametersI`,
 * `from omero.cmd import Delete, DoAll`, `from omero.callbacks import CmdCallbackI`).
 */
export function topLevelNames(): Record<string, unknown> {
  return { ...model, ...rtypes, ...sys, ...cmd, CmdCallbackI };
}
