/** A progress bar with its text; a total of 0 (not known yet) shows a bar that only says "working". */
export function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  return (
    <div className="progress">
      {total > 0 ? <progress max={total} value={done} aria-label={label} /> : <progress aria-label={label} />}
      <span>{label}</span>
    </div>
  );
}
