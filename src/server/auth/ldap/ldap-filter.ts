import { Filter } from 'ldapts';
import { ValidationException } from '../../../model/index.js';

/**
 * LDAP search filters built from configuration and untrusted values. Values only enter escaped
 * (RFC 4515, ldapts' `Filter.escape`), so a login such as `*)(uid=*` matches itself and never
 * widens the search; attribute names and the configured filters come from the administrator.
 */

/** `(&<configured>(<attribute>=<value>))`: the configured filter narrowed to one name. */
export function narrowedFilter(configured: string, attribute: string, value: string): string {
  return `(&${wrapped(configured)}(${attribute}=${Filter.escape(value)}))`;
}

/** `(&<filters…>)` over the non-empty filters; one filter stays as it is. */
export function allOf(...filters: readonly string[]): string {
  const parts = filters.filter((f) => f.trim() !== '').map(wrapped);
  return parts.length === 1 ? parts[0]! : `(&${parts.join('')})`;
}

/**
 * Fills `@{attr}` placeholders of a `:query:` filter with the user's attribute values, escaped
 * (OMERO substitutes them raw: filter injection, field-notes §2). A placeholder with no value or
 * several values is an error, as in OMERO.
 */
export function substitutePlaceholders(template: string, values: (name: string) => readonly string[]): string {
  return template.replace(/@\{([^}]+)\}/g, (_, name: string) => {
    const found = values(name);
    if (found.length !== 1) {
      throw new ValidationException(found.length === 0 ? `No value for @{${name}} in the LDAP query` : `Multiple values for @{${name}} in the LDAP query`);
    }
    return Filter.escape(found[0]!);
  });
}

/** A filter in parentheses (OMERO accepts `objectClass=person` as well as `(objectClass=person)`). */
function wrapped(filter: string): string {
  const f = filter.trim();
  return f.startsWith('(') ? f : `(${f})`;
}
