/**
 * Astro resolves `reference()` fields lazily and returns `undefined` for an id that does not exist,
 * which would crash page rendering with an unreadable error. This turns that into one that names
 * the file, the field and the missing id.
 */
export function requireAll<T>(found: (T | undefined)[], ids: { id: string }[], where: { file: string; field: string }): T[] {
  const missing = ids.filter((_, i) => found[i] === undefined).map((ref) => ref.id);
  if (missing.length) {
    throw new Error(`${where.file}: ${where.field} verwijst naar iets dat niet bestaat: ${missing.join(', ')}`);
  }
  return found as T[];
}
