export type Vars = Record<string, string | number>;

/** Fills `{name}` placeholders in a UI string; unknown names stay as they are. */
export function fill(template: string, vars: Vars = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

/**
 * A `t()` over some of the dictionary's modules. Islands use it with their own area's strings (for
 * example `translator({ ...zoekenStrings })`), so the browser never loads the whole dictionary; the
 * site's pages and the server use `t()` from `../nl.ts`, which is `translator` over every module.
 */
export function translator<K extends string>(strings: Readonly<Record<K, string>>): (key: K, vars?: Vars) => string {
  return (key, vars = {}) => fill(strings[key], vars);
}
