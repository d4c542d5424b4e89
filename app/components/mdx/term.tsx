import { useId, type ReactNode } from "react";

/** A glossary term: tapping it opens its meaning (the HTML popover needs no script; tap outside to close). */
export function Term({ meaning, children }: { meaning: string; children: ReactNode }) {
  const id = useId();
  return (
    <span className="term">
      <button type="button" className="term-button" popoverTarget={id}>
        {children}
      </button>
      <span id={id} popover="auto" role="note" className="term-meaning">
        {meaning}
      </span>
    </span>
  );
}
