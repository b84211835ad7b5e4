// Validation happens once, at the edge: actions and REST parse with the service's own schema and the
// service takes the parsed type. This keeps it so for every domain listed below (each domain moved to
// typed input appends itself): no exported service function takes `Record<string, unknown>` or
// `input: unknown`, and no service parses its own input with a schema.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Folders of lib/services whose services take typed input. */
const TYPED_DOMAINS = [
  "routers",
];

/** Allowed exceptions, each with its reason: { file (from lib/services), text on the offending line, reason }. */
const ALLOWED: { file: string; text: string; reason: string }[] = [];

const root = path.join(process.cwd(), "lib/services");

function serviceFiles(domain: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) out.push(full);
    }
  };
  walk(path.join(root, domain));
  return out;
}

/** The parameter list of every exported function: from its "(" to the matching ")". */
function exportedParams(source: string): { name: string; params: string; line: number }[] {
  const out: { name: string; params: string; line: number }[] = [];
  for (const m of source.matchAll(/export\s+(?:async\s+)?function\s+(\w+)\s*(?:<[^(]*>)?\s*\(/g)) {
    let depth = 1;
    let i = m.index + m[0].length;
    const start = i;
    for (; i < source.length && depth > 0; i++) {
      if (source[i] === "(") depth++;
      else if (source[i] === ")") depth--;
    }
    out.push({ name: m[1], params: source.slice(start, i - 1), line: source.slice(0, m.index).split("\n").length });
  }
  return out;
}

function untypedInputs(file: string, source: string): string[] {
  const rel = path.relative(root, file);
  const allowed = (text: string) => ALLOWED.some((a) => a.file === rel && text.includes(a.text));
  const problems: string[] = [];
  for (const fn of exportedParams(source)) {
    if (/Record<string,\s*unknown>|\binput\??:\s*unknown\b/.test(fn.params) && !allowed(fn.params)) {
      problems.push(`${rel}:${fn.line} ${fn.name} takes untyped input: (${fn.params.replace(/\s+/g, " ").trim()})`);
    }
  }
  source.split("\n").forEach((line, i) => {
    if (/\w+Schema\.(safeParse|parse|parseAsync|safeParseAsync)\(\s*input\b/.test(line) && !allowed(line)) {
      problems.push(`${rel}:${i + 1} parses its own input: ${line.trim()}`);
    }
  });
  return problems;
}

describe("services take typed input", () => {
  it.each(TYPED_DOMAINS)("lib/services/%s", (domain) => {
    const problems = serviceFiles(domain).flatMap((f) => untypedInputs(f, fs.readFileSync(f, "utf8")));
    expect(problems).toEqual([]);
  });

  it("finds what it is for", () => {
    const file = path.join(root, "x/create-x.ts");
    expect(untypedInputs(file, "export async function createX(db: Db, input: Record<string, unknown>) {\n  return 1;\n}")).toHaveLength(1);
    expect(untypedInputs(file, "export function f(db: Db, input: unknown): void {}")).toHaveLength(1);
    expect(untypedInputs(file, "export async function createX(db: Db, input: CreateXInput) {\n  const data = createXSchema.parse(input);\n}")).toHaveLength(1);
    expect(untypedInputs(file, "export async function createX(db: Db, input: CreateXInput & { tenantId: string }, actor: Actor) {}")).toEqual([]);
  });
});
