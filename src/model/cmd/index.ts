/** `omero.cmd`: requests, responses, Status and State. */
export { Request, GraphQuery, GraphModify2, type TargetObjects, type StringMap } from './request.js';
export { ChildOption, type ChildOptionFields } from './child-option.js';
export { Delete2, type Delete2Fields } from './delete2.js';
export { Chgrp2, type Chgrp2Fields } from './chgrp2.js';
export { Chown2, type Chown2Fields } from './chown2.js';
export { Chmod2, type Chmod2Fields } from './chmod2.js';
export { SkipHead, type SkipHeadFields } from './skip-head.js';
export { DoAll, type DoAllFields } from './do-all.js';
export { GraphModify, Delete, type GraphModifyFields } from './delete.js';
export { Response, OK, ERR, Unknown, type ERRFields } from './response.js';
export { GraphException, type GraphExceptionFields } from './graph-exception.js';
export { errSummary } from './err-summary.js';
export {
  Delete2Response,
  Chgrp2Response,
  Chown2Response,
  Chmod2Response,
  type ObjectIds,
  type IncludedDeletedFields,
} from './graph-responses.js';
export { DoAllRsp, type DoAllRspFields } from './do-all-rsp.js';
export { DeleteRsp, type DeleteRspFields } from './delete-rsp.js';
export { State, Status, type StatusFields } from './status.js';
