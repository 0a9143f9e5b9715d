/** Codes for refusals the user is told about; each has a locale key `error-<code>`. */
export type DomainErrorCode = "not-allowed" | "not-member" | "not-found" | "secretary-must-transfer" | "cannot-target-self" | "meeting-started" | "not-committee-officer" | "not-committee-lead";

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
