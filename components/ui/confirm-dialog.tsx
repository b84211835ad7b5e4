"use client";
// The one confirmation dialog (instead of the browser's confirm()): a modal <dialog> with a title, what
// will happen, and Cancel / confirm buttons. While `busy` it stays open and shows `progress`, so a slow
// command never looks frozen; Escape and Cancel are refused until it finishes.
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Button } from "./button";

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  tone?: "danger" | "primary";
  busy?: boolean;
  /** Shown instead of the buttons' idle state while busy. */
  progress?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ open, title, children, confirmLabel, tone = "danger", busy = false, progress, onConfirm, onCancel }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl bg-white p-0 text-left shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/40"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <div className="space-y-3 p-5">
        <h2 id={titleId} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        {children && <div className="text-sm text-slate-600">{children}</div>}
        {busy && progress && (
          <div role="status" aria-live="polite" className="flex items-center gap-2 rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-700 ring-1 ring-inset ring-slate-200">
            <span className="size-4 shrink-0 animate-spin rounded-full border-2 border-brand-600 border-t-transparent" aria-hidden />
            {progress}
          </div>
        )}
      </div>
      <div className="flex flex-wrap justify-end gap-2 border-t border-slate-100 bg-slate-50 px-5 py-3">
        <Button type="button" variant="secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button type="button" variant={tone} onClick={onConfirm} loading={busy} autoFocus>
          {confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}

/** A yes/no question in the dialog: confirmFirst(question, go) runs go at once when there is no question. */
export function useConfirm(confirmLabel = "Confirm", tone: ConfirmDialogProps["tone"] = "primary") {
  const [ask, setAsk] = useState<{ question: string; go: () => void } | null>(null);
  // Stable, so tables can use it inside memoised column definitions.
  const confirmFirst = useCallback((question: string | null | undefined, go: () => void) => (question ? setAsk({ question, go }) : go()), []);
  const dialog = (
    <ConfirmDialog
      open={ask !== null}
      title={ask?.question ?? ""}
      confirmLabel={confirmLabel}
      tone={tone}
      onConfirm={() => {
        const a = ask;
        setAsk(null);
        a?.go();
      }}
      onCancel={() => setAsk(null)}
    />
  );
  return { confirmFirst, dialog };
}
