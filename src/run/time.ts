/** A time as Kratix writes it (Go `time.RFC3339` in UTC, whole seconds): `2026-08-21T10:00:00Z`. */
export function rfc3339(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
