/** What a log line may say of an error: used by every folder, so it lives here. */
/** Name, kind and status of an error, never its cause chain (which might quote a request). */
export function errorSummary(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const summary: Record<string, unknown> = { name: err.name, message: err.message };
  for (const field of ["kind", "status", "code"] as const) {
    const value = (err as unknown as Record<string, unknown>)[field];
    if (value !== undefined) summary[field] = value;
  }
  return summary;
}
