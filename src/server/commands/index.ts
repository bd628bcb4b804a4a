/**
 * Graph commands (`omero.cmd`, reference api §4, permissions §6): Delete2, the legacy Delete
 * facade, DoAll, Chgrp2, Chown2, Chmod2. `submitCommand` is what `ServiceFactory.submit` runs.
 */
export { submitCommand, runRequest } from './run-command.js';
export type { CommandOutcome } from './do-all-command.js';
export { GraphFailure, graphError } from './graph-failure.js';
export { runDelete2, deletedWhenOrphaned } from './delete2-command.js';
export { runLegacyDelete } from './legacy-delete-command.js';
export { runDoAll } from './do-all-command.js';
export { runChgrp2 } from './chgrp2-command.js';
export { runChown2 } from './chown2-command.js';
export { runChmod2 } from './chmod2-command.js';
export { planGraph, type GraphPlan, type PlanRules } from './graph-plan.js';
export { GraphSet, graphLabel, type GraphRow, type LinkRow } from './graph-set.js';
