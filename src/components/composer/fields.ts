/** The composer's two fields, and how a server error names one of them. */
export type Field = 'title' | 'body';
export type FieldErrors = Partial<Record<Field, string>>;

/** Which field a server's validation detail names (`/title`, `title`, `body.title`…). */
export function fieldOf(detail: unknown): Field | undefined {
  if (!detail || typeof detail !== 'object') return undefined;
  const { path, instancePath, field } = detail as Record<string, unknown>;
  const where = [field, instancePath, path].find((value): value is string => typeof value === 'string') ?? '';
  if (/title/.test(where)) return 'title';
  if (/body/.test(where)) return 'body';
  return undefined;
}
