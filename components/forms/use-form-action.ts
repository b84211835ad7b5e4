"use client";
// Runs a server action from a form's onSubmit (not <form action>), so a refused submission keeps what
// the person typed, and exposes every field error for <Field errors>. Every admin form uses it.
import { useState, useTransition } from "react";
import type { ActionResult, ActionState } from "@/lib/auth/action";

export type FormAction<T> = (prev: ActionState<T> | undefined, payload: FormData) => Promise<ActionResult<T>>;

export function useFormAction<T>(action: FormAction<T>, opts: { onSuccess?: (data: T, form: HTMLFormElement) => void | Promise<void>; reset?: boolean } = {}) {
  const [state, setState] = useState<ActionState<T>>(null);
  const [pending, startTransition] = useTransition();
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const fd = new FormData(form);
    startTransition(async () => {
      const result = await action(null, fd);
      setState(result);
      if (result.ok) {
        if (opts.reset) form.reset();
        await opts.onSuccess?.(result.data, form);
      }
    });
  };
  const errors = (field: string) => (state && !state.ok ? state.fieldErrors[field] : undefined);
  const formError = state && !state.ok ? state.error : null;
  const message = state && state.ok ? (state.message ?? null) : null;
  return { state, pending, onSubmit, errors, formError, message, setState };
}
