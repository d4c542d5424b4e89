import type { ReactNode } from "react";

const icons = { note: "ℹ️", tip: "💡", warning: "⚠️" } as const;

export function Callout({ type = "note", title, children }: { type?: keyof typeof icons; title?: string; children: ReactNode }) {
  return (
    <aside className={`callout callout-${type}`}>
      <p className="callout-title">
        <span aria-hidden="true">{icons[type] ?? icons.note}</span> {title}
      </p>
      {children}
    </aside>
  );
}
