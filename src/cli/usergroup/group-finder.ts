import type { AsyncAdminService } from '../../client/async-proxies.js';
import type { ExperimenterGroupI } from '../../model/index.js';
import type { CliIO } from '../cli-io.js';
import { EntityFinder } from './entity-finder.js';

/**
 * Finds groups by id (`getGroup`) and name (`lookupGroup`) with OMERO's messages: 501
 * `No input group is specified`, 502 `Not a valid group ID: %s`, 503 `Unknown group: %s`, 504
 * `No group found`, 505 `Ambiguous group identifier: %s` (reference cli §1.2).
 */
export function groupFinder(admin: AsyncAdminService, io: CliIO): EntityFinder<ExperimenterGroupI> {
  return new EntityFinder<ExperimenterGroupI>(
    {
      getById: (id) => admin.getGroup(id),
      getByName: (name) => admin.lookupGroup(name),
      idOf: (group) => group.id!.val,
      noInput: [501, 'No input group is specified'],
      invalidId: [502, 'Not a valid group ID: %s'],
      unknown: [503, 'Unknown group: %s'],
      noneFound: [504, 'No group found'],
      ambiguous: [505, 'Ambiguous group identifier: %s'],
    },
    io,
  );
}
