"use client";
// A button that copies a value to the clipboard and says so for two seconds.
import { useState } from "react";
import { Check, Copy } from "lucide-react";
import { Button } from "./button";

export function CopyButton({ value, label = "Copy", className }: { value: string; label?: string; className?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      type="button"
      size="sm"
      variant="secondary"
      className={className}
      aria-label={label}
      onClick={async () => {
        await navigator.clipboard?.writeText(value);
        setCopied(true);
        setTimeout(() => setCopied(false), 2000);
      }}
    >
      {copied ? <Check className="size-4" aria-hidden /> : <Copy className="size-4" aria-hidden />}
      <span aria-live="polite">{copied ? "Copied" : "Copy"}</span>
    </Button>
  );
}

/** A value to hand on (a username, a generated password): large, monospaced, with its copy button. */
export function CopyableValue({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="space-y-1.5">
      <p className="text-sm text-slate-600">{label}</p>
      <div className="flex items-center gap-2">
        <p className="min-w-0 flex-1 break-all rounded-lg bg-slate-50 px-4 py-3 font-mono text-lg tracking-wider text-slate-900 ring-1 ring-inset ring-slate-200" data-testid={testId}>
          {value}
        </p>
        <CopyButton value={value} label={`Copy ${label.toLowerCase()}`} />
      </div>
    </div>
  );
}
