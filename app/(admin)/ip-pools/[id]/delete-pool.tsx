"use client";
// Deletes a pool after confirmation; the service refuses while addresses are assigned and says why.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { deleteIpPoolAction } from "../actions";

export function DeletePoolButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const { confirmFirst, dialog } = useConfirm("Delete pool", "danger");
  return (
    <div className="flex flex-col items-end gap-1">
      {dialog}
      <Button
        variant="danger"
        loading={pending}
        onClick={() => {
          confirmFirst(`Delete pool ${name}?`, () =>
            start(async () => {
              const r = await deleteIpPoolAction(null, { id });
              if (r.ok) router.push("/ip-pools");
              else setError(r.error);
            }),
          );
        }}
      >
        <Trash2 className="size-4" aria-hidden /> Delete pool
      </Button>
      {error && (
        <p role="alert" className="max-w-sm text-right text-sm text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
