import type { ValidationException } from '../../model/index.js';

/**
 * OMERO's `ExceptionHandler.is_constraint_violation`: the ValidationException says the name is
 * taken — Hibernate's `ConstraintViolationException` in OMERO, `… already exists` here. The CLI
 * then answers rc 66 `User already exists: <login>` / `Group already exists: <name>`.
 */
export function isConstraintViolation(e: ValidationException): boolean {
  return /ConstraintViolationException|already exists|duplicate key/i.test(e.message);
}
