/** One attribute-value pair of a DN, value unescaped: `ou=TheLab` → `{ type: 'ou', value: 'TheLab' }`. */
export interface Rdn {
  readonly type: string;
  readonly value: string;
}

/**
 * Splits a DN string (RFC 4514) into its RDNs, nearest the entry first, with `\,`, `\+`, `\"`
 * and `\XX` escapes resolved. Multi-valued RDNs (`a=1+b=2`) give one pair each. Used by
 * `new_user_group` `:ou:` and `:dn_attribute:`, which take a group name out of a DN.
 */
export function parseDn(dn: string): Rdn[] {
  const rdns: Rdn[] = [];
  let type = '';
  let value = '';
  let inValue = false;
  const push = () => {
    if (type.trim() !== '') rdns.push({ type: type.trim().toLowerCase(), value: value.trim() });
    type = '';
    value = '';
    inValue = false;
  };
  for (let i = 0; i < dn.length; i++) {
    const c = dn[i]!;
    if (c === '\\' && i + 1 < dn.length) {
      const hex = dn.slice(i + 1, i + 3);
      if (/^[0-9a-fA-F]{2}$/.test(hex)) {
        value += String.fromCharCode(parseInt(hex, 16));
        i += 2;
      } else {
        value += dn[++i];
      }
    } else if (!inValue && c === '=') {
      inValue = true;
    } else if (c === ',' || c === ';' || c === '+') {
      push();
    } else if (inValue) {
      value += c;
    } else {
      type += c;
    }
  }
  push();
  return rdns;
}
