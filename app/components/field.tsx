import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";

type Control = { "aria-invalid"?: true; "aria-describedby"?: string };

/** A label around one control, whose hint and error are announced with it. */
function Labelled({ label, hint, error, control }: { label: string; hint?: string; error?: string; control: (aria: Control) => ReactNode }) {
  const id = useId();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <label className="field">
      <span>{label}</span>
      {control({ "aria-invalid": error ? true : undefined, "aria-describedby": described || undefined })}
      {hint ? (
        <span id={`${id}-hint`} className="muted">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      ) : null}
    </label>
  );
}

type Props = InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; error?: string; hint?: string };

/** A labelled input; forms re-render it with the user's input. */
export function Field({ label, error, hint, ...input }: Props) {
  return <Labelled label={label} hint={hint} error={error} control={(aria) => <input {...input} {...aria} />} />;
}

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & { label: string; name: string; error?: string; children: ReactNode };

/** Field's select, never wider than the form. */
export function SelectField({ label, error, children, ...select }: SelectProps) {
  return (
    <Labelled
      label={label}
      error={error}
      control={(aria) => (
        <select {...select} {...aria}>
          {children}
        </select>
      )}
    />
  );
}
