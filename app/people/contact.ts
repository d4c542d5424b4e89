// Vietnamese mobile numbers are written many ways (+84 912…, 0912.345.678); store one form.
export function normalizePhone(input: string) {
  const digits = input.replace(/[\s.\-()]/g, "");
  const local = digits.replace(/^\+?84(?=\d{9}$)/, "0");
  return /^0\d{9}$/.test(local) ? local : null;
}

export function normalizeEmail(input: string) {
  const email = input.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : null;
}

export type ContactLookup = { phone: string } | { email: string };

export function contactFromIdentifier(identifier: string): ContactLookup | null {
  const email = identifier.includes("@") ? normalizeEmail(identifier) : null;
  if (email) return { email };
  const phone = normalizePhone(identifier);
  return phone ? { phone } : null;
}
