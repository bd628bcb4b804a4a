import type { AsyncAdminService } from '../../client/async-proxies.js';
import type { ExperimenterI } from '../../model/index.js';
import type { CliIO } from '../cli-io.js';
import { EntityFinder } from './entity-finder.js';

/**
 * Finds users by id (`getExperimenter`) and login name (`lookupExperimenter`) with OMERO's
 * messages: 511 `No input user is specified`, 512 `Not a valid user ID: %s`, 513
 * `Unknown user: %s`, 514 `No user found`, 515 `Ambiguous user identifier: %s` (reference cli §1.2).
 */
export function userFinder(admin: AsyncAdminService, io: CliIO): EntityFinder<ExperimenterI> {
  return new EntityFinder<ExperimenterI>(
    {
      getById: (id) => admin.getExperimenter(id),
      getByName: (name) => admin.lookupExperimenter(name),
      idOf: (user) => user.id!.val,
      noInput: [511, 'No input user is specified'],
      invalidId: [512, 'Not a valid user ID: %s'],
      unknown: [513, 'Unknown user: %s'],
      noneFound: [514, 'No user found'],
      ambiguous: [515, 'Ambiguous user identifier: %s'],
    },
    io,
  );
}
