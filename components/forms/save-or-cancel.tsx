"use client";
// The end of a create/edit page's form: Cancel goes back where the person came from, the submit button
// (last, as in every form) shows the action running.
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormActions } from "@/components/ui/field";

export function SaveOrCancel({ pending, children }: { pending: boolean; children: ReactNode }) {
  const router = useRouter();
  return (
    <FormActions>
      <Button type="button" variant="secondary" onClick={() => router.back()}>
        Cancel
      </Button>
      <Button type="submit" loading={pending}>
        {children}
      </Button>
    </FormActions>
  );
}
