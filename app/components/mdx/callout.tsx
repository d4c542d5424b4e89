import type { ReactNode } from "react";

export function Callout({ type = "note", title, children }: { type?: "note" | "tip" | "warning"; title?: string; children: ReactNode }) {
  return (
    <aside className={`callout callout-${type}`}>
      {title ? <p className="callout-title">{title}</p> : null}
      {children}
    </aside>
  );
}
