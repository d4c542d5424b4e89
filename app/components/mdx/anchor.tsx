import type { ComponentProps } from "react";

/** Markdown links: other sites open in a new tab; pages of this site are routed by LessonBody. */
export function Anchor({ href = "", children }: ComponentProps<"a">) {
  if (href.startsWith("/")) return <a href={href}>{children}</a>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}
