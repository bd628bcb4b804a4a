/**
 * `omero.sys.ParametersI` (py `src/omero_sys_ParametersI.py`; reference omero-api.md §2.2).
 * Every mutator returns `this`, so calls chain: `new ParametersI().addId(5).page(0, 10)`.
 * Prints as `::omero::sys::Parameters` (the Slice class), like omero-py.
 */
import { rbool, rint, rlist, rlong, rstring, rtime } from '../rtypes/factories.js';
import type { RBoolI } from '../rtypes/r-bool-i.js';
import type { RIntI } from '../rtypes/r-int-i.js';
import type { RLongI } from '../rtypes/r-long-i.js';
import type { RTimeI } from '../rtypes/r-time-i.js';
import type { RType } from '../rtypes/r-type.js';
import { Filter } from './filter.js';
import { Options } from './options.js';
import { Parameters, type ParamMap } from './parameters.js';

type Long = number | bigint | string | RLongI;

/** Parameters with helpers; `map` starts as `{}` (or the given map, not copied). */
export class ParametersI extends Parameters {
  declare map: ParamMap;

  constructor(parammap?: ParamMap | null) {
    super();
    this.map = parammap ?? {};
  }

  // --- map -------------------------------------------------------------------------------------

  /** `map[name] = rtype` (the caller wraps: `add('name', rstring(u))`). */
  add(name: string, rtype: RType | null): this {
    this.map[name] = rtype;
    return this;
  }
  /** `map.id = rlong(id)`. */
  addId(id: Long): this {
    return this.add('id', rlong(id));
  }
  /** `map.ids = rlist(rlong…)`, for `in (:ids)`. */
  addIds(ids: Iterable<Long>): this {
    return this.addLongs('ids', ids);
  }
  /** `map[name] = rlong(v)`. */
  addLong(name: string, value: Long): this {
    return this.add(name, rlong(value));
  }
  /** `map[name] = rlist(rlong…)`. */
  addLongs(name: string, values: Iterable<Long>): this {
    return this.add(name, rlist(Array.from(values, (v) => rlong(v))));
  }
  /** `map[name] = rstring(s)`. */
  addString(name: string, value: string): this {
    return this.add(name, rstring(value));
  }
  /** `map[name] = rtime(ms)`. */
  addTime(name: string, ms: number | RTimeI): this {
    return this.add(name, rtime(ms));
  }

  // --- filter: paging --------------------------------------------------------------------------

  /** `theFilter.offset/limit = rint(…)` (null clears one of them). */
  page(offset?: number | null, limit?: number | null): this {
    const f = ensureFilter(this);
    f.offset = rint(offset);
    f.limit = rint(limit);
    return this;
  }
  /** Clears offset and limit. */
  noPage(): this {
    if (this.theFilter) {
      this.theFilter.offset = null;
      this.theFilter.limit = null;
    }
    return this;
  }
  /** True when an offset or a limit is set. */
  isPagination(): boolean {
    return this.theFilter != null && (this.theFilter.offset != null || this.theFilter.limit != null);
  }
  /** The offset RInt or null. */
  getOffset(): RIntI | null {
    return this.theFilter?.offset ?? null;
  }
  /** The limit RInt or null. */
  getLimit(): RIntI | null {
    return this.theFilter?.limit ?? null;
  }

  // --- filter: unique / owner / group / time ---------------------------------------------------

  /** `theFilter.unique = rbool(true)`. */
  unique(): this {
    ensureFilter(this).unique = rbool(true);
    return this;
  }
  /** `theFilter.unique = rbool(false)`. */
  noUnique(): this {
    ensureFilter(this).unique = rbool(false);
    return this;
  }
  /** The unique RBool or null. */
  getUnique(): RBoolI | null {
    return this.theFilter?.unique ?? null;
  }
  /** `theFilter.ownerId = rlong(id)` (honoured by IContainer). */
  exp(id: Long): this {
    ensureFilter(this).ownerId = rlong(id);
    return this;
  }
  /** Clears the owner filter. */
  allExps(): this {
    if (this.theFilter) this.theFilter.ownerId = null;
    return this;
  }
  /** True when an owner filter is set. */
  isExperimenter(): boolean {
    return this.theFilter?.ownerId != null;
  }
  /** The owner RLong or null. */
  getExperimenter(): RLongI | null {
    return this.theFilter?.ownerId ?? null;
  }
  /** `theFilter.groupId = rlong(id)` (honoured by IContainer). */
  grp(id: Long): this {
    ensureFilter(this).groupId = rlong(id);
    return this;
  }
  /** Clears the group filter. */
  allGrps(): this {
    if (this.theFilter) this.theFilter.groupId = null;
    return this;
  }
  /** True when a group filter is set. */
  isGroup(): boolean {
    return this.theFilter?.groupId != null;
  }
  /** The group RLong or null. */
  getGroup(): RLongI | null {
    return this.theFilter?.groupId ?? null;
  }
  /** `theFilter.startTime = rtime(ms)` (omero-py only sets it on a fresh filter; this always sets it). */
  startTime(ms: number | RTimeI): this {
    ensureFilter(this).startTime = rtime(ms);
    return this;
  }
  /** `theFilter.endTime = rtime(ms)`. */
  endTime(ms: number | RTimeI): this {
    ensureFilter(this).endTime = rtime(ms);
    return this;
  }
  /** Clears both time bounds. */
  allTimes(): this {
    if (this.theFilter) {
      this.theFilter.startTime = null;
      this.theFilter.endTime = null;
    }
    return this;
  }
  /** True when a start time is set. */
  isStartTime(): boolean {
    return this.theFilter?.startTime != null;
  }
  /** True when an end time is set. */
  isEndTime(): boolean {
    return this.theFilter?.endTime != null;
  }
  /** The start time RTime or null. */
  getStartTime(): RTimeI | null {
    return this.theFilter?.startTime ?? null;
  }
  /** The end time RTime or null. */
  getEndTime(): RTimeI | null {
    return this.theFilter?.endTime ?? null;
  }

  // --- options ---------------------------------------------------------------------------------

  /** `theOptions.leaves = rbool(true)`. */
  leaves(): this {
    ensureOptions(this).leaves = rbool(true);
    return this;
  }
  /** `theOptions.leaves = rbool(false)`. */
  noLeaves(): this {
    ensureOptions(this).leaves = rbool(false);
    return this;
  }
  /** The leaves RBool or null. */
  getLeaves(): RBoolI | null {
    return this.theOptions?.leaves ?? null;
  }
  /** `theOptions.orphan = rbool(true)`. */
  orphan(): this {
    ensureOptions(this).orphan = rbool(true);
    return this;
  }
  /** `theOptions.orphan = rbool(false)`. */
  noOrphan(): this {
    ensureOptions(this).orphan = rbool(false);
    return this;
  }
  /** The orphan RBool or null. */
  getOrphan(): RBoolI | null {
    return this.theOptions?.orphan ?? null;
  }
  /** `theOptions.acquisitionData = rbool(true)`. */
  acquisitionData(): this {
    ensureOptions(this).acquisitionData = rbool(true);
    return this;
  }
  /** `theOptions.acquisitionData = rbool(false)`. */
  noAcquisitionData(): this {
    ensureOptions(this).acquisitionData = rbool(false);
    return this;
  }
  /** The acquisitionData RBool or null. */
  getAcquisitionData(): RBoolI | null {
    return this.theOptions?.acquisitionData ?? null;
  }
  /** `theOptions.cacheable = rbool(true)` (omero-py sets a non-Slice `cache` field instead). */
  cache(): this {
    ensureOptions(this).cacheable = rbool(true);
    return this;
  }
  /** `theOptions.cacheable = rbool(false)`. */
  noCache(): this {
    ensureOptions(this).cacheable = rbool(false);
    return this;
  }
  /** The cacheable RBool or null. */
  getCache(): RBoolI | null {
    return this.theOptions?.cacheable ?? null;
  }
}

// Module functions rather than #private methods: wire decoding rebuilds instances with Object.create.
function ensureFilter(p: Parameters): Filter {
  p.theFilter ??= new Filter();
  return p.theFilter;
}

function ensureOptions(p: Parameters): Options {
  p.theOptions ??= new Options();
  return p.theOptions;
}
