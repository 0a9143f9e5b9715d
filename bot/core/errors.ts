/** Codes for refusals the user is told about; each has a locale key `error-<code>`. */
export type DomainErrorCode = "not-allowed" | "not-member" | "not-found" | "secretary-must-transfer" | "cannot-target-self" | "meeting-started";

/** A refusal of the domain, shown to the user as a polite explanation rather than logged as a failure. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly context: Record<string, string> = {},
  ) {
    super(`${code} ${JSON.stringify(context)}`);
    this.name = "DomainError";
  }
}

/** True for Prisma's unique-constraint violation (P2002), which we treat as "already exists". */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
