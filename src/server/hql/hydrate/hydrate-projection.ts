import { concreteSubclasses, entityDef, type ValueKind } from '../../db/entities.js';
import {
  type IObject,
  lookupModelClass,
  rbool,
  rdouble,
  rint,
  rlong,
  rmap,
  robject,
  rstring,
  rtime,
  type RType,
} from '../../../model/index.js';
import type { ColumnShape, PermissionsShape, ResultShape } from '../result-shape.js';
import { type Decorate, EntityGraph } from './entity-graph.js';
import { finishList } from './hydrate-entities.js';

type Row = Readonly<Record<string, unknown>>;

/** A scalar column value as its RType (reference api §3.3); SQL null → null. */
export function scalarToRType(kind: ValueKind, value: unknown): RType | null {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'long':
      return rlong(value as number | string);
    case 'int':
      return rint(value as number | string);
    case 'double':
      return rdouble(Number(value));
    case 'string':
      return rstring(value);
    case 'bool':
      return rbool(value);
    case 'time':
      return rtime(value instanceof Date ? value : new Date(value as string));
  }
}

function permissionsToRType(row: Row, shape: PermissionsShape, decorate: Decorate): RType | null {
  const groupId = row[shape.groupLabel];
  if (groupId === null || groupId === undefined) return null;
  // A scratch object of the entity's class (a concrete subclass for Annotation) to decorate.
  const def = entityDef(shape.entity);
  const concrete = def.abstract ? concreteSubclasses(def)[0]! : def;
  const Cls = lookupModelClass(concrete.name) as unknown as new () => IObject;
  const holder = new Cls();
  decorate(holder, {
    ownerId: shape.ownerLabel ? Number(row[shape.ownerLabel]) : null,
    groupId: Number(groupId),
  });
  const p = holder.details.permissions;
  if (!p) return null;
  return rmap({
    perm: rstring(p.toString()),
    canAnnotate: rbool(p.canAnnotate()),
    canDelete: rbool(p.canDelete()),
    canEdit: rbool(p.canEdit()),
    canLink: rbool(p.canLink()),
    canChgrp: rbool(p.canChgrp()),
    canChown: rbool(p.canChown()),
  });
}

function collect(graph: EntityGraph, row: Row, column: ColumnShape): void {
  if (column.kind === 'entity') graph.collect(row, column);
  else if (column.kind === 'map') for (const e of column.entries) collect(graph, row, e.value);
}

function toRType(graph: EntityGraph, row: Row, column: ColumnShape, decorate: Decorate): RType | null {
  switch (column.kind) {
    case 'entity': {
      const obj = graph.wire(row, column);
      return obj ? robject(obj) : null;
    }
    case 'scalar':
      return scalarToRType(column.valueKind, row[column.label]);
    case 'permissions':
      return permissionsToRType(row, column, decorate);
    case 'map':
      return rmap(Object.fromEntries(column.entries.map((e) => [e.key, toRType(graph, row, e.value, decorate)])));
  }
}

/**
 * Turns rows into `IQuery.projection` results (reference api §3.3): one list of RTypes per row,
 * even for a single column — entity → RObject, long → RLong, int → RInt, string → RString,
 * boolean → RBool, timestamp → RTime (ms), double → RDouble, `new map(…)` → RMap,
 * `details.permissions` → RMap `{perm, canAnnotate, canDelete, canEdit, canLink, canChgrp,
 * canChown}` (built by `decorate` on a scratch object), SQL null → null.
 *
 * ### Examples
 *
 * ```ts
 * const c = compileHql('select x.details.owner.id, x.details.group.details.permissions from Project x where x.id = :id', { params: { id: 12 }, scope })
 * hydrateProjection((await knex.raw(c.sql, c.bindings)).rows, c.shape, decorate)
 * // [[rlong(2), rmap({ perm: rstring('rwr---'), canAnnotate: rbool(false), … })]]
 * ```
 */
export function hydrateProjection(rows: readonly Row[], shape: ResultShape, decorate: Decorate): (RType | null)[][] {
  const graph = new EntityGraph();
  for (const row of rows) for (const column of shape.columns) collect(graph, row, column);
  const wired = rows.map((row) => shape.columns.map((column) => toRType(graph, row, column, decorate)));
  graph.finish(decorate);
  return finishList(wired, { ...shape, distinctRoots: false, unique: false });
}
