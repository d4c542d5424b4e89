// Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives.
const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const length = 8;

/** `LT-XXXX-XXXX`: 40 random bits, one byte per character (256 is a multiple of 32, so no bias). */
export function generateCode() {
  const chars = Array.from(crypto.getRandomValues(new Uint8Array(length)), (byte) => alphabet[byte % 32]).join("");
  return `LT-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** The canonical form of a typed code (any case, dashes and spaces optional), or null if it cannot be one. */
export function normaliseCode(input: string) {
  const chars = input
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/^LT/, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (chars.length !== length || [...chars].some((c) => !alphabet.includes(c))) return null;
  return `LT-${chars.slice(0, 4)}-${chars.slice(4)}`;
}
