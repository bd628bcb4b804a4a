/** `omero.cmd.State` and `omero.cmd.Status` (blitz `cmd/API.ice`). */
import { IceData } from '../ice/ice-data.js';
import { iceClass, member } from '../ice/ice-members.js';
import { dictType, seqType } from '../ice/ice-type.js';
import type { StringMap } from './request.js';

/** Command states; printed by name (`SUCCESS`). */
export const State = Object.freeze({
  ALL: 'ALL',
  ACTIVE: 'ACTIVE',
  INACTIVE: 'INACTIVE',
  SUCCESS: 'SUCCESS',
  FAILURE: 'FAILURE',
  CANCELLED: 'CANCELLED',
} as const);
/** One {@link State}. */
export type State = (typeof State)[keyof typeof State];

/** Fields of a {@link Status}. */
export interface StatusFields {
  source: string | null;
  category: string;
  name: string;
  flags: State[] | null;
  parameters: StringMap | null;
  currentStep: number;
  steps: number;
  startTime: number;
  stepStartTimes: number[] | null;
  stepStopTimes: number[] | null;
  stopTime: number;
}

/**
 * Progress of a command. `flags` contains FAILURE on failure, CANCELLED on cancel, nothing on success.
 * Positional arguments follow Ice order (source, category, name, flags, …); prefer the options form.
 */
export class Status extends IceData {
  static override readonly ice = iceClass('::omero::cmd::Status', null, [
    member('source', 'proxy'),
    member('category', 'string'),
    member('name', 'string'),
    member('flags', seqType('enum')),
    member('parameters', dictType('string', 'string')),
    member('currentStep', 'long'),
    member('steps', 'long'),
    member('startTime', 'long'),
    member('stepStartTimes', seqType('long')),
    member('stepStopTimes', seqType('long')),
    member('stopTime', 'long'),
  ]);
  /** Handle proxy text, or null (prints `<nil>`). */
  declare source: string | null;
  /** Request type. */
  declare category: string;
  /** Request name. */
  declare name: string;
  /** State flags. */
  declare flags: State[] | null;
  /** Extra details. */
  declare parameters: StringMap | null;
  /** Latest step commenced (0 … steps-1). */
  declare currentStep: number;
  /** Total number of steps (Delete2: 6, or 4 for a dry run). */
  declare steps: number;
  /** Start time, ms since epoch. */
  declare startTime: number;
  /** Start time of each step. */
  declare stepStartTimes: number[] | null;
  /** Stop time of each step. */
  declare stepStopTimes: number[] | null;
  /** Stop time, ms since epoch. */
  declare stopTime: number;

  constructor(options: Partial<StatusFields>);
  constructor(...values: unknown[]);
  constructor(...args: unknown[]) {
    super(...args);
  }
}
