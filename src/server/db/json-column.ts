/** A json column as the driver returns it: parsed by pg, its text from a driver that does not parse it. */
export function jsonColumn<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
