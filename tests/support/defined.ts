/**
 * Checked access for tests, instead of `x!`: a missing value fails with a message that says what was missing,
 * not with "cannot read properties of undefined" three lines later.
 */
export function defined<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}, got ${String(value)}`);
  return value;
}

/** The first element of a list, or a clear error when the list is empty. */
export function first<T>(list: readonly T[], what: string): T {
  return defined(list.at(0), `a first ${what}`);
}
