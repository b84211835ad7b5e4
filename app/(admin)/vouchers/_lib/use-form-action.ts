"use client";
// Runs a server action from a form's onSubmit, so a refused submission keeps what the person typed,
// and exposes every field error for <Field errors>. Shared by the vouchers, payments and IP pool forms.
import { useState, useTransition } from "react";
import type { ActionResult, ActionState } from "@/lib/auth/action";

export type FormAction<T> = (prev: ActionState<T> | undefined, payload: FormData) => Promise<ActionResult<T>>;

export function useFormAction<T>(action: FormAction<T>, opts: { onSuccess?: (data: T, form: HTMLFormElement) => void | Promise<void> } = {}) {
  const [state, setState] = useState<ActionState<T>>(null);
  const [pending, startTransition] = useTransition();
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const fd = new FormData(form);
    startTransition(async () => {
      const result = await action(null, fd);
      setState(result);
      if (result.ok) await opts.onSuccess?.(result.data, form);
    });
  };
  const errors = (field: string) => (state && !state.ok ? state.fieldErrors[field] : undefined);
  const formError = state && !state.ok ? state.error : null;
  return { state, pending, onSubmit, errors, formError };
}
