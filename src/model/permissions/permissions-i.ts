/**
 * `omero.model.PermissionsI` (py `src/omero_model_PermissionsI.py`; reference omero-permissions.md §1).
 * `toString()` gives the 6-character string (Python `str(p)`); the Ice dump (Python `repr(p)`, the
 * REPL display) is the object form with `_restrictions`, `_extendedRestrictions`, `_perm1`.
 */
import { ClientError } from '../exceptions/client-error.js';
import { INSPECT_CUSTOM, inspectAsIce } from '../ice/inspect-custom.js';
import { seqType, toIceValue } from '../ice/ice-type.js';
import { ICE_DESCRIBE, type IceDescribeOptions, type IceDescription, type IceMember } from '../ice/ice-value.js';
import {
  formatPermissions,
  isGranted,
  parsePermissions,
  PERM_ALL,
  Restriction,
  Right,
  Role,
  withGrant,
} from './permission-bits.js';

/**
 * Permissions of a group (and, as reported by the server, of every object in it).
 *
 * @example
 * new PermissionsI('rwr---').getPerm1() // -56
 * String(new PermissionsI(-120))        // 'rw----'
 */
export class PermissionsI {
  /** Signed permission bits (Ice `_perm1`). Python default -1 (`rwrwrw`). */
  _perm1: number;
  /**
   * Per-caller restrictions, indexed by {@link Restriction}; `true` = disallowed. null (client-built)
   * or shorter arrays mean nothing is disallowed.
   */
  _restrictions: boolean[] | null;
  /** Extended restrictions such as `RESTRICT-BINARY-ACCESS`, or null. */
  _extendedRestrictions: string[] | null;
  /** Set on permissions received from the server: setters then throw ClientError("ImmutablePermissions: …"). */
  immutable: boolean;

  /** `new PermissionsI()` (-1), `new PermissionsI('rwr---')`, or `new PermissionsI(-56)`. */
  constructor(perm?: string | number | null) {
    this._perm1 = PERM_ALL;
    this._restrictions = null;
    this._extendedRestrictions = null;
    this.immutable = false;
    if (typeof perm === 'string') this._perm1 = parsePermissions(perm);
    else if (typeof perm === 'number') this._perm1 = perm;
  }

  /** Marks these permissions immutable (as after unmarshalling from the server) and returns them. */
  makeImmutable(): this {
    this.immutable = true;
    return this;
  }

  /** The perm1 value. */
  getPerm1(): number {
    return this._perm1;
  }

  /** Sets perm1; throws when immutable. */
  setPerm1(perm1: number): void {
    throwIfImmutable(this);
    this._perm1 = perm1;
  }

  /** Replaces the bits from a permission string (Python `from_string`); throws when immutable. */
  from_string(text: string): void {
    throwIfImmutable(this);
    this._perm1 = parsePermissions(text);
  }

  /** The 6-character form, e.g. `rwr---` (Python `str(p)`). */
  toString(): string {
    return formatPermissions(this._perm1);
  }

  /** The restrictions array (may be null). */
  getRestrictions(): boolean[] | null {
    return this._restrictions;
  }

  /** The extended restrictions (may be null). */
  getExtendedRestrictions(): string[] | null {
    return this._extendedRestrictions;
  }

  /** True when restriction `index` is present and set. */
  isDisallow(index: Restriction): boolean {
    return this._restrictions !== null && index < this._restrictions.length && this._restrictions[index] === true;
  }

  /** The caller may link this object. */
  canLink(): boolean {
    return !this.isDisallow(Restriction.LINK);
  }
  /** The caller may edit this object. */
  canEdit(): boolean {
    return !this.isDisallow(Restriction.EDIT);
  }
  /** The caller may delete this object. */
  canDelete(): boolean {
    return !this.isDisallow(Restriction.DELETE);
  }
  /** The caller may annotate this object. */
  canAnnotate(): boolean {
    return !this.isDisallow(Restriction.ANNOTATE);
  }
  /** The caller may move this object to another group. */
  canChgrp(): boolean {
    return !this.isDisallow(Restriction.CHGRP);
  }
  /** The caller may give this object to another user. */
  canChown(): boolean {
    return !this.isDisallow(Restriction.CHOWN);
  }

  /** True when `restriction` (e.g. `RESTRICT-BINARY-ACCESS`) is among the extended restrictions. */
  isRestricted(restriction: string): boolean {
    return this._extendedRestrictions !== null && this._extendedRestrictions.includes(restriction);
  }

  /** True when the USER role has READ. */
  isUserRead(): boolean {
    return isGranted(this._perm1, Role.USER, Right.READ);
  }
  /** True when the USER role has ANNOTATE. */
  isUserAnnotate(): boolean {
    return isGranted(this._perm1, Role.USER, Right.ANNOTATE);
  }
  /** True when the USER role has WRITE. */
  isUserWrite(): boolean {
    return isGranted(this._perm1, Role.USER, Right.WRITE);
  }
  /** True when the GROUP role has READ. */
  isGroupRead(): boolean {
    return isGranted(this._perm1, Role.GROUP, Right.READ);
  }
  /** True when the GROUP role has ANNOTATE. */
  isGroupAnnotate(): boolean {
    return isGranted(this._perm1, Role.GROUP, Right.ANNOTATE);
  }
  /** True when the GROUP role has WRITE. */
  isGroupWrite(): boolean {
    return isGranted(this._perm1, Role.GROUP, Right.WRITE);
  }
  /** True when the WORLD role has READ. */
  isWorldRead(): boolean {
    return isGranted(this._perm1, Role.WORLD, Right.READ);
  }
  /** True when the WORLD role has ANNOTATE. */
  isWorldAnnotate(): boolean {
    return isGranted(this._perm1, Role.WORLD, Right.ANNOTATE);
  }
  /** True when the WORLD role has WRITE. */
  isWorldWrite(): boolean {
    return isGranted(this._perm1, Role.WORLD, Right.WRITE);
  }

  /** Grants or clears READ for the USER role; throws when immutable. */
  setUserRead(value: boolean): void {
    setGrant(this, Role.USER, Right.READ, value);
  }
  /** Grants or clears ANNOTATE for the USER role; throws when immutable. */
  setUserAnnotate(value: boolean): void {
    setGrant(this, Role.USER, Right.ANNOTATE, value);
  }
  /** Grants or clears WRITE for the USER role; throws when immutable. */
  setUserWrite(value: boolean): void {
    setGrant(this, Role.USER, Right.WRITE, value);
  }
  /** Grants or clears READ for the GROUP role; throws when immutable. */
  setGroupRead(value: boolean): void {
    setGrant(this, Role.GROUP, Right.READ, value);
  }
  /** Grants or clears ANNOTATE for the GROUP role; throws when immutable. */
  setGroupAnnotate(value: boolean): void {
    setGrant(this, Role.GROUP, Right.ANNOTATE, value);
  }
  /** Grants or clears WRITE for the GROUP role; throws when immutable. */
  setGroupWrite(value: boolean): void {
    setGrant(this, Role.GROUP, Right.WRITE, value);
  }
  /** Grants or clears READ for the WORLD role; throws when immutable. */
  setWorldRead(value: boolean): void {
    setGrant(this, Role.WORLD, Right.READ, value);
  }
  /** Grants or clears ANNOTATE for the WORLD role; throws when immutable. */
  setWorldAnnotate(value: boolean): void {
    setGrant(this, Role.WORLD, Right.ANNOTATE, value);
  }
  /** Grants or clears WRITE for the WORLD role; throws when immutable. */
  setWorldWrite(value: boolean): void {
    setGrant(this, Role.WORLD, Right.WRITE, value);
  }

  /** `::omero::model::Permissions`. */
  ice_id(): string {
    return '::omero::model::Permissions';
  }

  /** Ice members; `_extendedRestrictions` is left out in the legacy (OMERO 5.0) layout. */
  [ICE_DESCRIBE](options: IceDescribeOptions): IceDescription {
    const members: IceMember[] = [['_restrictions', toIceValue(seqType('bool'), this._restrictions)]];
    if (!options.legacy) {
      members.push(['_extendedRestrictions', toIceValue(seqType('string'), this._extendedRestrictions)]);
    }
    members.push(['_perm1', toIceValue('long', this._perm1)]);
    return { typeId: this.ice_id(), members };
  }

  /** Node REPL display: the Ice dump (Python `repr(p)`). */
  [INSPECT_CUSTOM](): string {
    return inspectAsIce(this);
  }
}

// Module functions rather than #private methods: wire decoding rebuilds instances with
// Object.create, which would lack the private brand.
function setGrant(p: PermissionsI, role: Role, right: Right, value: boolean): void {
  throwIfImmutable(p);
  p._perm1 = withGrant(p._perm1, role, right, value);
}

function throwIfImmutable(p: PermissionsI): void {
  if (p.immutable) throw new ClientError(`ImmutablePermissions: ${p.toString()}`);
}
