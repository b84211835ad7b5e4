"use client";
// Runs a server action from a form's onSubmit (not <form action>), so a refused submission keeps what
// the person typed, and exposes every field error for <Field errors>. Every admin form uses it.
// A refusal brings the eye to it: the first field with an error (in the form's order) is scrolled to
// and focused; a refusal without a field scrolls to the form's error banner. A form holding an unticked
// [data-confirm-required] box is not sent: the box is brought into view instead.
import { useEffect, useRef, useState, useTransition } from "react";
import type { ActionResult, ActionState } from "@/lib/auth/action";

export type FormAction<T> = (prev: ActionState<T> | undefined, payload: FormData) => Promise<ActionResult<T>>;

/** The first control of `form` (in document order) named by one of `fields`, else its first alert. */
export function firstErrorTarget(form: HTMLFormElement, fields: string[]): HTMLElement | null {
  const candidates: HTMLElement[] = [];
  for (const field of fields) {
    const byName = form.querySelector<HTMLElement>(`[name="${CSS.escape(field)}"]:not([type="hidden"])`);
    const byId = form.querySelector<HTMLElement>(`#${CSS.escape(field)}`);
    const errorList = form.querySelector<HTMLElement>(`#${CSS.escape(`${field}-error`)}`);
    const el = byName ?? byId ?? errorList;
    if (el) candidates.push(el);
  }
  candidates.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  return candidates[0] ?? form.querySelector<HTMLElement>('[role="alert"]');
}

/** Scrolls an element into the middle of the view and focuses it (or the control inside it). */
export function bringIntoView(el: HTMLElement) {
  const reduce = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
  el.scrollIntoView({ block: "center", behavior: reduce ? "auto" : "smooth" });
  const focusable = el.matches("input, select, textarea, button") ? el : el.querySelector<HTMLElement>("input, select, textarea, button");
  (focusable ?? el).focus({ preventScroll: true });
}

export function useFormAction<T>(action: FormAction<T>, opts: { onSuccess?: (data: T, form: HTMLFormElement) => void | Promise<void>; reset?: boolean } = {}) {
  const [state, setState] = useState<ActionState<T>>(null);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement | null>(null);
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    formRef.current = form;
    // A confirmation the form still needs (e.g. an expiry in the past): show it instead of sending.
    const unconfirmed = form.querySelector<HTMLElement>("[data-confirm-required]");
    if (unconfirmed) {
      bringIntoView(unconfirmed);
      return;
    }
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
  // After the refusal has rendered (errors and aria-invalid in place), take the view to the first one.
  useEffect(() => {
    if (!state || state.ok || !formRef.current) return;
    const target = firstErrorTarget(formRef.current, Object.keys(state.fieldErrors));
    if (target) bringIntoView(target);
  }, [state]);
  const errors = (field: string) => (state && !state.ok ? state.fieldErrors[field] : undefined);
  const formError = state && !state.ok ? state.error : null;
  const message = state && state.ok ? (state.message ?? null) : null;
  return { state, pending, onSubmit, errors, formError, message, setState };
}
