import { State, Status, type Request } from '../../model/index.js';

/**
 * The Status of a finished command (reference api §4.2): no flags on success, FAILURE on failure;
 * `steps` as OMERO counts them (6 for a graph request, 4 for a dry run; one per sub-request for
 * DoAll); every step started and stopped, since our commands finish before `submit` returns.
 */
export function commandStatus(request: Request, steps: number, startTime: number, failed: boolean): Status {
  const stopTime = Math.max(Date.now(), startTime);
  return new Status({
    source: null,
    category: request.ice_id(),
    name: request.ice_id().replace(/^.*::/, ''),
    flags: failed ? [State.FAILURE] : [],
    parameters: {},
    currentStep: Math.max(0, steps - 1),
    steps,
    startTime,
    stepStartTimes: Array.from({ length: steps }, () => startTime),
    stepStopTimes: Array.from({ length: steps }, () => stopTime),
    stopTime,
  });
}

/** Steps of a graph request: 6, or 4 for a dry run. */
export function graphSteps(dryRun: boolean): number {
  return dryRun ? 4 : 6;
}
