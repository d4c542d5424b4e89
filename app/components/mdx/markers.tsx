import type { ReactNode } from "react";

// Structure only: the server renderer reads these elements' props and children to build islands.
export function Step(_: { children?: ReactNode }) {
  return null;
}
export function Scene(_: { id: string; ending?: string; children?: ReactNode }) {
  return null;
}
export function Option(_: { to: string; children?: ReactNode }) {
  return null;
}
