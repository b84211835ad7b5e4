// `npm test`: the whole suite in order: tools present, types, lint, unit and service tests (vitest,
// real PostgreSQL), then the browser suite (Playwright in Debian's Chromium against the real launcher).
// Ends with one "N passed, N failed" line that counts the whole suite: the type check and lint as one
// test each, then every vitest and Playwright test.
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";

const root = process.cwd();
const results = path.join(root, "test-results");
fs.mkdirSync(results, { recursive: true });

const REQUIRED_TOOLS: { bin: string; pkg: string; why: string }[] = [
  { bin: "chromium", pkg: "chromium", why: "browser tests (Playwright drives Debian's Chromium)" },
  { bin: "radclient", pkg: "freeradius-utils", why: "RADIUS interop tests" },
  { bin: "radtest", pkg: "freeradius-utils", why: "RADIUS interop tests" },
  { bin: "snmpd", pkg: "snmpd", why: "SNMP poller tests" },
];

function which(bin: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${bin}`], { stdio: "ignore" }).status === 0 || fs.existsSync(`/usr/sbin/${bin}`);
}

function step(name: string, cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  const t = Date.now();
  process.stdout.write(`\n▶ ${name}\n`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const ok = r.status === 0;
  process.stdout.write(`${ok ? "✓" : "✗"} ${name} (${((Date.now() - t) / 1000).toFixed(1)}s)\n`);
  return ok;
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

const started = Date.now();
const missing = REQUIRED_TOOLS.filter((t) => !which(t.bin));
if (missing.length) {
  for (const m of missing) process.stderr.write(`missing: ${m.bin} (needed for ${m.why}). Install it: apt-get install -y ${m.pkg}\n`);
  process.stderr.write("0 passed, 1 failed\n");
  process.exit(1);
}

const only = process.argv.slice(2);
const want = (s: string) => only.length === 0 || only.includes(s);
let failedSteps = 0;
// The type check and lint are tests of their own in the closing count.
const checks = { passed: 0, failed: 0 };
const check = (ok: boolean) => {
  checks[ok ? "passed" : "failed"]++;
  return ok;
};
const node = process.execPath;
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

if (want("types") && !check(step("typecheck", bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]))) failedSteps++;
if (want("lint") && !check(step("lint", bin("eslint"), [".", "--max-warnings=0"]))) failedSteps++;

const vitestJson = path.join(results, "vitest.json");
fs.rmSync(vitestJson, { force: true });
if (want("unit") && !step("unit and service tests", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile=${vitestJson}`])) failedSteps++;
// Read now: Playwright empties test-results/ (its output folder) when it starts.
const v = readJson<{ numPassedTests: number; numFailedTests: number }>(vitestJson);

const pwJson = path.join(results, "playwright.json");
fs.rmSync(pwJson, { force: true });
if (want("e2e")) {
  // A fresh platform for the browser suite, through the same launcher a newcomer uses.
  fs.rmSync(path.resolve(root, process.env.E2E_DATA_DIR ?? ".data/e2e"), { recursive: true, force: true });
  if (!step("browser tests", node, [path.join(root, "node_modules", "@playwright", "test", "cli.js"), "test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson })) failedSteps++;
}

const p = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(pwJson);
const passed = checks.passed + (v?.numPassedTests ?? 0) + (p ? p.stats.expected + p.stats.flaky : 0);
let failed = checks.failed + (v?.numFailedTests ?? 0) + (p?.stats.unexpected ?? 0);
// A runner that failed without reporting (a crash, a config error) still fails the count.
if (failedSteps > 0 && failed === 0) failed = failedSteps;

process.stdout.write(`\nsuite finished in ${((Date.now() - started) / 1000).toFixed(0)}s\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failedSteps > 0 || failed > 0 ? 1 : 0);
