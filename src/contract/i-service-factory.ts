import type { ExperimenterGroupI, IObject, Response, Status } from '../model/index.js';
import type { Id } from './argument-types.js';

/** What the server answers for a submitted command: its response and status, once it has run. */
export interface SubmitResult {
  readonly response: Response;
  readonly status: Status;
}

/** The ServiceFactory's own methods (reference api §1.2): the session's group, password, commands. */
export interface IServiceFactory {
  /** Switches the session's group (discouraged: pass `{'omero.group': id}` per call instead). */
  setSecurityContext(group: ExperimenterGroupI | IObject | Id): ExperimenterGroupI;
  getSecurityContexts(): ExperimenterGroupI[];
  /** Re-checks the user's password for this session. */
  setSecurityPassword(password: string): void;
  keepAlive(proxy?: unknown): boolean;
  /** Runs a command (Delete2, DoAll, Chgrp2, Chown2, Chmod2, legacy Delete) to completion. */
  submit(request: object): SubmitResult;
}
