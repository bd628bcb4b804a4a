/**
 * Namespace objects for the shell and the package: `omero.model.*`, `omero.rtypes.*`, `omero.sys.*`,
 * `omero.cmd.*` (with `omero.cmd.graphs.ChildOption`), the exceptions at `omero.*`, and `Glacier2.*`.
 * Only names a Python user would find there are included (no internal helpers).
 */
import * as cmdLayer from './cmd/index.js';
import * as errors from './exceptions/index.js';
import * as objects from './objects/index.js';
import { PermissionsI } from './permissions/permissions-i.js';
import * as rtypeLayer from './rtypes/index.js';
import * as sysLayer from './sys/index.js';

/** `omero.model`: model classes, DetailsI, PermissionsI, NamedValue. */
export const model = Object.freeze({
  IObject: objects.IObject,
  DetailsI: objects.DetailsI,
  PermissionsI,
  NamedValue: objects.NamedValue,
  ProjectI: objects.ProjectI,
  DatasetI: objects.DatasetI,
  ImageI: objects.ImageI,
  ProjectDatasetLinkI: objects.ProjectDatasetLinkI,
  DatasetImageLinkI: objects.DatasetImageLinkI,
  AnnotationI: objects.AnnotationI,
  TextAnnotationI: objects.TextAnnotationI,
  CommentAnnotationI: objects.CommentAnnotationI,
  TagAnnotationI: objects.TagAnnotationI,
  MapAnnotationI: objects.MapAnnotationI,
  BasicAnnotationI: objects.BasicAnnotationI,
  NumericAnnotationI: objects.NumericAnnotationI,
  LongAnnotationI: objects.LongAnnotationI,
  DoubleAnnotationI: objects.DoubleAnnotationI,
  BooleanAnnotationI: objects.BooleanAnnotationI,
  TimestampAnnotationI: objects.TimestampAnnotationI,
  TermAnnotationI: objects.TermAnnotationI,
  ProjectAnnotationLinkI: objects.ProjectAnnotationLinkI,
  DatasetAnnotationLinkI: objects.DatasetAnnotationLinkI,
  ImageAnnotationLinkI: objects.ImageAnnotationLinkI,
  AnnotationAnnotationLinkI: objects.AnnotationAnnotationLinkI,
  ExperimenterAnnotationLinkI: objects.ExperimenterAnnotationLinkI,
  ExperimenterGroupAnnotationLinkI: objects.ExperimenterGroupAnnotationLinkI,
  SessionAnnotationLinkI: objects.SessionAnnotationLinkI,
  ExperimenterI: objects.ExperimenterI,
  ExperimenterGroupI: objects.ExperimenterGroupI,
  GroupExperimenterMapI: objects.GroupExperimenterMapI,
  SessionI: objects.SessionI,
  EventI: objects.EventI,
  EventTypeI: objects.EventTypeI,
});

/** `omero.rtypes`: factories (`rstring`, `rlong`…, `rtype`, `wrap`, `unwrap`) and the RType classes. */
export const rtypes = Object.freeze({
  rstring: rtypeLayer.rstring,
  rlong: rtypeLayer.rlong,
  rint: rtypeLayer.rint,
  rbool: rtypeLayer.rbool,
  rtime: rtypeLayer.rtime,
  rdouble: rtypeLayer.rdouble,
  rfloat: rtypeLayer.rfloat,
  rlist: rtypeLayer.rlist,
  rset: rtypeLayer.rset,
  rmap: rtypeLayer.rmap,
  robject: rtypeLayer.robject,
  rtype: rtypeLayer.rtype,
  wrap: rtypeLayer.wrap,
  unwrap: rtypeLayer.unwrap,
  RType: rtypeLayer.RType,
  RStringI: rtypeLayer.RStringI,
  RLongI: rtypeLayer.RLongI,
  RIntI: rtypeLayer.RIntI,
  RBoolI: rtypeLayer.RBoolI,
  RTimeI: rtypeLayer.RTimeI,
  RDoubleI: rtypeLayer.RDoubleI,
  RFloatI: rtypeLayer.RFloatI,
  RListI: rtypeLayer.RListI,
  RSetI: rtypeLayer.RSetI,
  RMapI: rtypeLayer.RMapI,
  RObjectI: rtypeLayer.RObjectI,
});

/** `omero.sys`. */
export const sys = Object.freeze({
  Parameters: sysLayer.Parameters,
  ParametersI: sysLayer.ParametersI,
  Filter: sysLayer.Filter,
  Options: sysLayer.Options,
  EventContext: sysLayer.EventContext,
  Roles: sysLayer.Roles,
  Principal: sysLayer.Principal,
});

/** `omero.cmd.graphs`. */
export const graphs = Object.freeze({ ChildOption: cmdLayer.ChildOption });

/** `omero.cmd`. */
export const cmd = Object.freeze({
  Request: cmdLayer.Request,
  GraphQuery: cmdLayer.GraphQuery,
  GraphModify2: cmdLayer.GraphModify2,
  Delete2: cmdLayer.Delete2,
  Chgrp2: cmdLayer.Chgrp2,
  Chown2: cmdLayer.Chown2,
  Chmod2: cmdLayer.Chmod2,
  SkipHead: cmdLayer.SkipHead,
  DoAll: cmdLayer.DoAll,
  GraphModify: cmdLayer.GraphModify,
  Delete: cmdLayer.Delete,
  Response: cmdLayer.Response,
  OK: cmdLayer.OK,
  ERR: cmdLayer.ERR,
  Unknown: cmdLayer.Unknown,
  GraphException: cmdLayer.GraphException,
  Delete2Response: cmdLayer.Delete2Response,
  Chgrp2Response: cmdLayer.Chgrp2Response,
  Chown2Response: cmdLayer.Chown2Response,
  Chmod2Response: cmdLayer.Chmod2Response,
  DoAllRsp: cmdLayer.DoAllRsp,
  DeleteRsp: cmdLayer.DeleteRsp,
  Status: cmdLayer.Status,
  State: cmdLayer.State,
  graphs,
});

/** Exceptions as `omero.ServerError`, `omero.SecurityViolation`, `omero.ClientError`… */
export const exceptions = Object.freeze({
  ServerError: errors.ServerError,
  InternalException: errors.InternalException,
  ResourceError: errors.ResourceError,
  ApiUsageException: errors.ApiUsageException,
  OverUsageException: errors.OverUsageException,
  QueryException: errors.QueryException,
  ValidationException: errors.ValidationException,
  SecurityViolation: errors.SecurityViolation,
  GroupSecurityViolation: errors.GroupSecurityViolation,
  PermissionMismatchGroupSecurityViolation: errors.PermissionMismatchGroupSecurityViolation,
  ReadOnlyGroupSecurityViolation: errors.ReadOnlyGroupSecurityViolation,
  SessionException: errors.SessionException,
  RemovedSessionException: errors.RemovedSessionException,
  SessionTimeoutException: errors.SessionTimeoutException,
  ShutdownInProgress: errors.ShutdownInProgress,
  ConcurrencyException: errors.ConcurrencyException,
  ConcurrentModification: errors.ConcurrentModification,
  DatabaseBusyException: errors.DatabaseBusyException,
  OptimisticLockException: errors.OptimisticLockException,
  LockTimeout: errors.LockTimeout,
  TryAgain: errors.TryAgain,
  MissingPyramidException: errors.MissingPyramidException,
  AuthenticationException: errors.AuthenticationException,
  ExpiredCredentialException: errors.ExpiredCredentialException,
  WrappedCreateSessionException: errors.WrappedCreateSessionException,
  ClientError: errors.ClientError,
  CmdError: errors.CmdError,
  UnloadedEntityException: errors.UnloadedEntityException,
  UnloadedCollectionException: errors.UnloadedCollectionException,
});

/** `Glacier2.*` login exceptions. */
export const glacier2 = Object.freeze({
  PermissionDeniedException: errors.PermissionDeniedException,
  CannotCreateSessionException: errors.CannotCreateSessionException,
});
