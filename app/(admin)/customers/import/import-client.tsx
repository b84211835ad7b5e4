"use client";
// CSV import in two steps: the file is validated on the server (POST /api/customers/import?dryRun=1)
// and every row error is listed with its row and column; only a clean file can be imported, all at once.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { CheckCircle2, FileDown, FileUp } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { FormError } from "@/components/ui/field";
import { Table } from "@/components/ui/table";
import { formatPhone } from "@/lib/net/phone";

interface RowError {
  row: number;
  field: string;
  message: string;
}
interface Preview {
  total: number;
  valid: number;
  errors: RowError[];
  preview: Array<{ row: number; type: string; name: string; username: string; phone: string | null; package: string | null; expiresAt: string | null; status: string }>;
  imported: number;
  generatedPasswords: number;
}

async function post(csv: string, dryRun: boolean): Promise<{ data?: Preview; error?: { message: string; details?: { rowErrors?: RowError[] } } }> {
  const res = await fetch(`/api/customers/import${dryRun ? "?dryRun=1" : ""}`, { method: "POST", headers: { "content-type": "text/csv" }, body: csv });
  return res.json();
}

export function ImportClient({ header, dateFormats }: { header: string[]; dateFormats: string }) {
  const router = useRouter();
  const [fileName, setFileName] = useState<string | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState<"preview" | "import" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ imported: number; generated: number; ms: number } | null>(null);

  async function choose(file: File | undefined) {
    setError(null);
    setPreview(null);
    setDone(null);
    if (!file) return;
    const text = await file.text();
    setFileName(file.name);
    setCsv(text);
    setBusy("preview");
    const r = await post(text, true);
    setBusy(null);
    if (r.data) setPreview(r.data);
    else setError(r.error?.message ?? "The file could not be checked");
  }

  async function commit() {
    if (!csv) return;
    setBusy("import");
    setError(null);
    const t = performance.now();
    const r = await post(csv, false);
    setBusy(null);
    if (r.data) {
      setDone({ imported: r.data.imported, generated: r.data.generatedPasswords, ms: performance.now() - t });
      setPreview(null);
      router.refresh();
    } else {
      setError(r.error?.message ?? "Import failed");
      if (r.error?.details?.rowErrors && preview) setPreview({ ...preview, errors: r.error.details.rowErrors });
    }
  }

  const template = `data:text/csv;charset=utf-8,${encodeURIComponent(header.join(",") + "\r\nPPPOE,Jane Wanjiku,jane.w,,0712345678,jane@example.com,Home 10,2026-12-31,ACTIVE,,,,,,House 12,,0,true\r\n")}`;

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="1. Choose a file"
          description={`UTF-8 CSV with a header row. Required columns: name and username. Packages and IP pools are matched by name; a blank password is generated; a blank expiry starts one package period today. Dates: ${dateFormats}. Yes/no columns: yes, no, true, false, 1 or 0. A file exported from the customer list imports as it is.`}
          actions={
            <a href={template} download="customers-template.csv" className={buttonClasses("secondary", "sm")}>
              <FileDown className="size-4" aria-hidden /> Template
            </a>
          }
        />
        <CardBody>
          <label className="flex cursor-pointer flex-col items-center justify-center gap-2 rounded-xl border-2 border-dashed border-slate-300 px-6 py-10 text-center hover:border-brand-500 hover:bg-slate-50">
            <FileUp className="size-8 text-slate-400" aria-hidden />
            <span className="text-sm font-medium text-slate-900">{fileName ?? "Choose a CSV file"}</span>
            <span className="text-xs text-slate-500">Up to 20,000 customers per file</span>
            <input type="file" accept=".csv,text/csv" className="sr-only" aria-label="CSV file" onChange={(e) => choose(e.target.files?.[0])} />
          </label>
          {busy === "preview" && <p className="mt-3 text-sm text-slate-500">Checking every row…</p>}
        </CardBody>
      </Card>

      <FormError message={error} />

      {done && (
        <Card>
          <CardBody className="flex flex-wrap items-center justify-between gap-4">
            <div className="flex items-center gap-3">
              <CheckCircle2 className="size-6 text-emerald-600" aria-hidden />
              <div>
                <p className="font-medium text-slate-900" role="status">
                  Imported {done.imported.toLocaleString()} customers
                </p>
                <p className="text-sm text-slate-500">
                  {done.generated ? `${done.generated.toLocaleString()} passwords were generated; reveal them on each customer's page. ` : ""}
                  Took {(done.ms / 1000).toFixed(1)} s.
                </p>
              </div>
            </div>
            <Link href="/customers" className={buttonClasses("primary")}>
              Go to customers
            </Link>
          </CardBody>
        </Card>
      )}

      {preview && (
        <Card>
          <CardHeader
            title="2. Check the preview"
            description={`${preview.total.toLocaleString()} rows · ${preview.valid.toLocaleString()} valid · ${preview.errors.length.toLocaleString()} problem${preview.errors.length === 1 ? "" : "s"}`}
            actions={
              <Button onClick={commit} loading={busy === "import"} disabled={preview.errors.length > 0 || preview.total === 0}>
                Import {preview.valid.toLocaleString()} customers
              </Button>
            }
          />
          {preview.errors.length > 0 && (
            <div className="border-b border-slate-100 px-5 py-4">
              <p className="mb-2 text-sm font-medium text-red-700">Fix these rows and choose the file again. Nothing has been imported.</p>
              <div className="max-h-80 overflow-auto rounded-lg ring-1 ring-red-100">
                <Table
                  label="Row errors"
                  rows={preview.errors.slice(0, 500).map((e, i) => ({ ...e, i }))}
                  rowKey={(e) => String(e.i)}
                  columns={[
                    { key: "row", header: "Row", className: "tabular-nums", cell: (e) => e.row },
                    { key: "field", header: "Column", className: "font-mono text-xs", cell: (e) => e.field },
                    { key: "message", header: "Problem", cell: (e) => e.message },
                  ]}
                />
              </div>
              {preview.errors.length > 500 && <p className="mt-2 text-xs text-slate-500">…and {preview.errors.length - 500} more.</p>}
            </div>
          )}
          {preview.preview.length > 0 && (
            <div>
              <Table
                label="Preview"
                rows={preview.preview}
                rowKey={(r) => String(r.row)}
                columns={[
                  { key: "row", header: "Row", className: "tabular-nums text-slate-500", cell: (r) => r.row },
                  { key: "name", header: "Name", cell: (r) => r.name },
                  { key: "username", header: "Username", className: "font-mono text-xs", cell: (r) => r.username },
                  { key: "phone", header: "Phone", cell: (r) => (r.phone ? formatPhone(r.phone) : "—") },
                  { key: "package", header: "Package", cell: (r) => r.package ?? "—" },
                  { key: "expires", header: "Expires", cell: (r) => (r.expiresAt ? r.expiresAt.slice(0, 10) : "—") },
                  { key: "status", header: "Status", cell: (r) => <Badge>{r.status}</Badge> },
                ]}
              />
              {preview.valid > preview.preview.length && <p className="px-5 py-2 text-xs text-slate-500">Showing the first {preview.preview.length} valid rows.</p>}
            </div>
          )}
        </Card>
      )}
    </div>
  );
}
