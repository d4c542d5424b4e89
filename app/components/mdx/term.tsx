import { useId, useState, type ReactNode } from "react";

/** A glossary term: tapping it reveals its meaning inline (no hover needed on phones). */
export function Term({ meaning, children }: { meaning: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <span className="term">
      <button type="button" className="term-button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {children}
      </button>
      <span id={id} role="note" className="term-meaning" hidden={!open}>
        {meaning}
      </span>
    </span>
  );
}
