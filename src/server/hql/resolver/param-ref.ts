/**
 * Where a named parameter's value goes in a compiled statement. The compiler emits the reference
 * instead of the value, and `bindTemplate` fills in each run's values, so that one compiled query
 * serves every call with parameters of the same kinds (`compile-cache.ts`). `item` picks one
 * element of a list parameter that was spread out (`in (:ids, 5)`); `list` marks a whole list
 * (`in (:ids)`, compiled `= any(?)`).
 */
export class ParamRef {
  readonly name: string;
  readonly list: boolean;
  readonly item: number | null;

  constructor(name: string, list: boolean, item: number | null = null) {
    this.name = name;
    this.list = list;
    this.item = item;
    Object.freeze(this);
  }
}

/** Whether a bound value is a whole list (a list literal or a list parameter): compiled `= any(?)`. */
export function isListValue(value: unknown): boolean {
  return Array.isArray(value) || (value instanceof ParamRef && value.list && value.item === null);
}
