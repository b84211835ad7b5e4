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
  return (
    <Field label={label} htmlFor={inputId} errors={errors} hint={hint} className={fieldClassName}>
      <Input ref={ref} id={inputId} name={name} invalid={!!errors?.length} aria-describedby={describedBy(inputId, hint, errors)} {...input} />
    </Field>
  );
});

function describedBy(id: string, hint: ReactNode, errors?: string[]) {
  return [hint ? `${id}-help` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

export interface SelectOption {
  value: string;
  label: ReactNode;
}

/** A labelled select with its help and errors; `options` are rendered after any `children` (a "none" choice). */
export const SelectField = forwardRef<
  HTMLSelectElement,
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "name"> & { label: string; name: string; options?: readonly SelectOption[]; errors?: string[]; hint?: ReactNode; fieldClassName?: string }
>(function SelectField({ label, name, id, errors, hint, fieldClassName, options = [], children, ...select }, ref) {
  const selectId = id ?? name;
  return (
    <Field label={label} htmlFor={selectId} errors={errors} hint={hint} className={fieldClassName}>
      <Select ref={ref} id={selectId} name={name} invalid={!!errors?.length} aria-describedby={describedBy(selectId, hint, errors)} {...select}>
        {children}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
});

/** A labelled multi-line text input with its help and errors. */
export const TextareaField = forwardRef<
  HTMLTextAreaElement,
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name"> & { label: string; name: string; errors?: string[]; hint?: ReactNode; fieldClassName?: string }
>(function TextareaField({ label, name, id, errors, hint, fieldClassName, ...textarea }, ref) {
  const textareaId = id ?? name;
  return (
    <Field label={label} htmlFor={textareaId} errors={errors} hint={hint} className={fieldClassName}>
      <Textarea ref={ref} id={textareaId} name={name} invalid={!!errors?.length} aria-describedby={describedBy(textareaId, hint, errors)} {...textarea} />
    </Field>
  );
});

/** A select's choices from a code → label map (enum labels, in the map's order). */
export function labelOptions(labels: Record<string, string>): { value: string; label: string }[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

/** A select's choices from rows with an id and a name (routers, packages, pools). */
export function nameOptions(rows: readonly { id: string; name: string }[]): SelectOption[] {
  return rows.map((r) => ({ value: r.id, label: r.name }));
}

/** The yes/no choice of a boolean setting, as a select (the form posts "true" or "false"). */
export function yesNoOptions(yes = "Yes", no = "No"): SelectOption[] {
  return [
    { value: "true", label: yes },
    { value: "false", label: no },
  ];
}

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
