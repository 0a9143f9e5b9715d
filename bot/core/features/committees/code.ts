/**
 * A committee's code: what a cell secretary types to ask for a link. "CU-" and eight Crockford
 * base32 characters (40 random bits): short enough to read over the phone, and never the length
 * of a cell's invite code (16), so a typed code is never mistaken for the other kind.
 */
const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const bodyLength = 8;
const prefix = "CU";

export function generateCommitteeCode(randomBytes: (n: number) => Uint8Array): string {
  const bytes = randomBytes(5);
  let value = 0n;
  for (const b of bytes) value = (value << 8n) | BigInt(b);
  let body = "";
  for (let i = bodyLength - 1; i >= 0; i--) body += alphabet[Number((value >> BigInt(i * 5)) & 31n)];
  return `${prefix}${body}`;
}

/** "cu-ab12 cd34" → "CUAB12CD34"; reads O as 0 and I/L as 1 as Crockford intends. Null if it cannot be a code. */
export function normalizeCommitteeCode(raw: string): string | null {
  const cleaned = raw.toUpperCase().replace(/[\s\-_.]/g, "");
  if (!cleaned.startsWith(prefix)) return null;
  const body = cleaned.slice(prefix.length).replace(/O/g, "0").replace(/[IL]/g, "1");
  if (body.length !== bodyLength || [...body].some((ch) => !alphabet.includes(ch))) return null;
  return `${prefix}${body}`;
}

/** "CUAB12CD34" → "CU-AB12-CD34", as shown to people. */
export function formatCommitteeCode(code: string): string {
  return `${code.slice(0, 2)}-${code.slice(2, 6)}-${code.slice(6)}`;
}
