import type { ComponentProps } from "react";
import { Link } from "react-router";

/** Markdown links: pages of this site navigate in place; other sites open in a new tab. */
export function Anchor({ href = "", children, ...rest }: ComponentProps<"a">) {
  if (href.startsWith("/")) return <Link to={href}>{children}</Link>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" {...rest}>
      {children}
    </a>
  );
}
