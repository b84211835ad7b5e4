// One name for routers: code, routes and UI say "router". The word "nas" stays only where it is not
// ours to rename: the RADIUS protocol library and attribute names, the REST paths the seeds shipped,
// strings already stored (sealed purposes, files on disk, audit actions, event names) and the database's
// own names (the table nas and its columns, see lib/db/schema/routers.ts). This is
// `grep -rniw nas app lib components workers e2e scripts bench --include=*.ts --include=*.tsx` with that list.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const DIRS = ["app", "lib", "components", "workers", "e2e", "scripts", "bench"];

/** Folders where the word belongs wholesale. */
const ALLOWED_DIRS: { dir: string; reason: string }[] = [
  { dir: "lib/radius/", reason: "the RADIUS protocol library keeps the RFC terms" },
  { dir: "lib/db/schema/", reason: "the stored SQL names (table nas, nas_id, nas_type, ...) the schema maps to router names" },
];

/** Uses of the word that stay, each with its reason; `files` limits an entry to those files. */
const ALLOWED: { pattern: RegExp; reason: string; files?: string[] }[] = [
  { pattern: /\/api\/nas\b|\bclose-nas\b/gi, reason: "REST paths of the seeds, kept for API compatibility" },
  { pattern: /\bNAS-[A-Za-z0-9-]+/g, reason: "RADIUS attribute and Acct-Terminate-Cause names (NAS-IP-Address, NAS-Port-Type, NAS-Reboot, ...)" },
  { pattern: /"nas-secret"|"nas-api-password"/g, reason: "seal purposes: bound into every sealed secret already stored" },
  { pattern: /\bnas-registry\.(sealed|json)\b/g, reason: "the worker's snapshot file on disk (and the legacy plaintext one it removes)" },
  { pattern: /"nas\.[a-z.%]*"/g, reason: "stored audit actions (nas.create, ...) and the event names of GET /api/events (nas.up, nas.down)" },
  {
    pattern: /targetType: "nas"|type: "nas"|\| "nas" \||"customer", "nas", "session"/g,
    reason: "the audit target type already stored",
    files: ["lib/services/routers/create-router.ts", "lib/services/routers/update-router.ts", "lib/services/routers/delete-router.ts", "lib/services/routers/get-router-secret.ts", "lib/services/sessions/request-sessions-disconnect.ts", "lib/services/sessions/disconnect-requests.test.ts"],
  },
  { pattern: /\b(from|into|update|join)\s+nas\b/gi, reason: "raw SQL names the stored table" },
  { pattern: /\bnas: "router"/g, reason: "constraint messages are looked up by the stored table name", files: ["lib/services/db-errors.ts"] },
  { pattern: /client_table = "nas"/g, reason: "FreeRADIUS's own clients table, in the comparison benchmark", files: ["bench/freeradius/run.ts"] },
  { pattern: /\/\^\(nas\|routers\?\)\$\//g, reason: "matches the /api/nas path segment", files: ["e2e/cross-tenant.spec.ts"] },
];

const root = process.cwd();

function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules") walk(full);
      } else if (/\.tsx?$/.test(entry.name)) out.push(path.relative(root, full));
    }
  };
  for (const dir of DIRS) if (fs.existsSync(path.join(root, dir))) walk(path.join(root, dir));
  return out;
}

/** Lines of `source` where the word "nas" (any case, as a whole word) is left after the allowed uses. */
function strayNas(file: string, source: string): string[] {
  if (ALLOWED_DIRS.some((a) => file.startsWith(a.dir))) return [];
  const out: string[] = [];
  source.split("\n").forEach((line, i) => {
    if (!/\bnas\b/i.test(line)) return;
    let rest = line;
    for (const a of ALLOWED) if (!a.files || a.files.includes(file)) rest = rest.replace(a.pattern, "");
    if (/\bnas\b/i.test(rest)) out.push(`${file}:${i + 1}: ${line.trim()}`);
  });
  return out;
}

describe("routers have one name", () => {
  it("no stray 'nas' in app, lib, components, workers, e2e, scripts or bench", () => {
    const self = path.relative(root, path.join(__dirname, "vocabulary.test.ts"));
    const stray = sourceFiles()
      .filter((f) => f !== self)
      .flatMap((f) => strayNas(f, fs.readFileSync(path.join(root, f), "utf8")));
    expect(stray).toEqual([]);
  });

  it("finds what it is for, and lets the allowed uses through", () => {
    expect(strayNas("lib/services/x.ts", "const nas = await getNas(tx);")).toHaveLength(1);
    expect(strayNas("app/x.tsx", "<p>Add a NAS</p>")).toHaveLength(1);
    expect(strayNas("lib/services/x.ts", 'sealSecret("nas-secret", s); await sql`update nas set x = 1`; // NAS-IP-Address')).toEqual([]);
    expect(strayNas("lib/radius/packet.ts", "// the NAS sends")).toEqual([]);
    expect(strayNas("lib/services/x.ts", 'recordAudit(tx, { targetType: "nas" })')).toHaveLength(1);
  });
});
