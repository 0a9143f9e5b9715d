/** True for Prisma's unique-constraint violation (P2002), which callers treat as "already exists". */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
