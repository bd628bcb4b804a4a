import type { OmeroClient } from '../client/omero-client.js';
import type { NameLookup } from './compact-echo.js';

/**
 * Owner and group names for the compact echo, looked up through IAdmin once per id. A lookup
 * that fails (no session, no right to read) leaves the id shown as `#id`.
 */
export function nameCache(client: () => OmeroClient | null): NameLookup {
  const users = new Map<number, string | undefined>();
  const groups = new Map<number, string | undefined>();
  const cached = (map: Map<number, string | undefined>, id: number, look: () => string | undefined) => {
    if (!map.has(id)) {
      let name: string | undefined;
      try {
        name = look();
      } catch {
        name = undefined;
      }
      map.set(id, name);
    }
    return map.get(id);
  };
  return {
    experimenter: (id) => cached(users, id, () => client()?.getSession().getAdminService().getExperimenter(id).omeName?.val as string | undefined),
    group: (id) => cached(groups, id, () => client()?.getSession().getAdminService().getGroup(id).name?.val as string | undefined),
  };
}
