import { forwardRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { cn } from "@/lib/utils";

const control =
  "block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-600 disabled:bg-slate-50 disabled:text-slate-500";
const invalid = "ring-red-400 focus:ring-red-500";

export const Input = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean }>(function Input(
  { className, invalid: bad, ...props },
  ref,
) {
  return <input ref={ref} aria-invalid={bad || undefined} className={cn(control, "h-10", bad && invalid, className)} {...props} />;
});

export const Select = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement> & { invalid?: boolean }>(function Select(
  { className, invalid: bad, children, ...props },
  ref,
) {
  return (
    <select ref={ref} aria-invalid={bad || undefined} className={cn(control, "h-10 pr-8", bad && invalid, className)} {...props}>
      {children}
    </select>
  );
});

export const Textarea = forwardRef<HTMLTextAreaElement, TextareaHTMLAttributes<HTMLTextAreaElement> & { invalid?: boolean }>(function Textarea(
  { className, invalid: bad, ...props },
  ref,
) {
  return <textarea ref={ref} aria-invalid={bad || undefined} className={cn(control, bad && invalid, className)} {...props} />;
});

/** A label, its control, a help line and the field's errors, in that order (the one form layout). */
export function Field({
  label,
  htmlFor,
  errors,
  hint,
  children,
  className,
}: {
  label: string;
  htmlFor: string;
  errors?: string[];
  hint?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={htmlFor} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint ? (
        <p className="text-xs text-slate-500" id={`${htmlFor}-help`}>
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <ul className="space-y-0.5" id={`${htmlFor}-error`}>
          {errors.map((e) => (
            <li key={e} className="text-sm text-red-600" role="alert">
              {e}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A labelled text input with its help and errors: `<TextField label="Name" name="name" errors={errors("name")} />`. */
export const TextField = forwardRef<
  HTMLInputElement,
  Omit<InputHTMLAttributes<HTMLInputElement>, "name"> & { label: string; name: string; errors?: string[]; hint?: ReactNode; fieldClassName?: string }
>(function TextField({ label, name, id, errors, hint, fieldClassName, ...input }, ref) {
  const inputId = id ?? name;
  const describedBy = [hint ? `${inputId}-help` : null, errors?.length ? `${inputId}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <Field label={label} htmlFor={inputId} errors={errors} hint={hint} className={fieldClassName}>
      <Input ref={ref} id={inputId} name={name} invalid={!!errors?.length} aria-describedby={describedBy} {...input} />
    </Field>
  );
});

/** Where a form's buttons go: one row at its end, the main action last. */
export function FormActions({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={cn("flex flex-wrap items-center justify-end gap-2", className)}>{children}</div>;
}

export function FormError({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <div role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-inset ring-red-200">
      {message}
    </div>
  );
}
