// Builds the Next.js app when no build exists or the sources changed since the last one, so a second
// `npm start` skips straight to serving.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";

const SOURCE_ROOTS = ["app", "components", "lib", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "postcss.config.mjs", "package.json", "tsconfig.json"];

export function sourceFingerprint(root = process.cwd()): string {
  const hash = crypto.createHash("sha256");
  const walk = (p: string) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const entry of fs.readdirSync(p).sort()) {
        if (entry === "node_modules" || entry.startsWith(".")) continue;
        walk(path.join(p, entry));
      }
    } else if (!/\.test\.tsx?$/.test(p)) {
      hash.update(`${path.relative(root, p)}:${st.size}:${st.mtimeMs}\n`);
    }
  };
  for (const r of SOURCE_ROOTS) walk(path.join(root, r));
  return hash.digest("hex");
}

const distDir = () => process.env.NEXT_DIST_DIR || ".next";
const stampFile = (root: string) => path.join(root, distDir(), "source-fingerprint");

export function buildIsCurrent(root = process.cwd()): boolean {
  const stamp = stampFile(root);
  return fs.existsSync(path.join(root, distDir(), "BUILD_ID")) && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === sourceFingerprint(root);
}

export function buildApp(root = process.cwd()): void {
  const fingerprint = sourceFingerprint(root);
  const res = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (res.status !== 0) throw new Error(`next build failed (exit ${res.status})`);
  fs.writeFileSync(stampFile(root), fingerprint);
}
