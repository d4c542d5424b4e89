export function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  return (
    <div className="progress">
      <progress max={total} value={done} aria-label={label} />
      <span>{label}</span>
    </div>
  );
}
