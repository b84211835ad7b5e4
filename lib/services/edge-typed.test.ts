// Validation happens once, at the edge: actions and REST parse with the service's own schema and the
// service takes the parsed type. This scans the services of each domain listed below for an untyped
// input (`Record<string, unknown>` or `input: unknown` in an exported function's parameters, or an
// `…Input` type that is `Record<string, unknown>`) and for a service parsing its own input again
// (`…Schema.parse(input`), and loads each domain's action and
// route modules so a schema derived at the edge (.pick, .extend, .partial) is known to build.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const ROOT = path.resolve(__dirname, "../..");

/** Domains under lib/services whose services take typed input: one line each, append yours. */
const TYPED_DOMAINS = [
  "customers",
  "packages",
  "payments",
  "wallet",
  "vouchers",
  "ip-pools",
  "routers",
];

/** Files allowed an untyped parameter or a parse of their input, each with the reason. */
const ALLOWED: Record<string, string> = {
  // (none yet) "lib/services/<domain>/<file>.ts": "why",
};

function walk(dir: string, match: (f: string) => boolean): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full, match) : match(full) ? [full] : [];
  });
}

/** The parameter lists of the exported functions (and exported arrow functions) of a module. */
function exportedParams(src: string): Array<{ name: string; params: string }> {
  const out: Array<{ name: string; params: string }> = [];
  const re = /export\s+(?:async\s+)?function\s+(\w+)\s*(?:<[^(]*?>)?\s*\(|export\s+const\s+(\w+)\s*(?::[^=]+)?=\s*(?:async\s*)?\(/g;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    let depth = 1;
    let i = re.lastIndex;
    for (; i < src.length && depth > 0; i++) {
      if (src[i] === "(") depth++;
      else if (src[i] === ")") depth--;
    }
    out.push({ name: m[1] ?? m[2], params: src.slice(re.lastIndex, i - 1) });
  }
  return out;
}

const serviceFiles = TYPED_DOMAINS.flatMap((d) => walk(path.join(ROOT, "lib/services", d), (f) => f.endsWith(".ts") && !f.endsWith(".test.ts")));
const rel = (f: string) => path.relative(ROOT, f);

describe("services take typed input, parsed once at the edge", () => {
  it("finds the service files of every listed domain", () => {
    for (const d of TYPED_DOMAINS) expect(serviceFiles.some((f) => rel(f).startsWith(`lib/services/${d}/`)), d).toBe(true);
  });

  it("no exported service function takes Record<string, unknown> or input: unknown", () => {
    const untyped = serviceFiles
      .filter((f) => !ALLOWED[rel(f)])
      .flatMap((f) => exportedParams(fs.readFileSync(f, "utf8")).filter((p) => /Record<string,\s*unknown>|\binput\??\s*:\s*unknown\b/.test(p.params)).map((p) => `${rel(f)}: ${p.name}`));
    expect(untyped).toEqual([]);
  });

  it("no service input type is an alias of Record<string, unknown>", () => {
    const aliases = serviceFiles
      .filter((f) => !ALLOWED[rel(f)])
      .flatMap((f) => [...fs.readFileSync(f, "utf8").matchAll(/export\s+type\s+(\w+Input)\s*=\s*Record<string,\s*unknown>/g)].map((m) => `${rel(f)}: ${m[1]}`));
    expect(aliases).toEqual([]);
  });

  it("no service parses its own input again", () => {
    const parsing = serviceFiles.filter((f) => !ALLOWED[rel(f)] && /\w*Schema\.parse\(\s*input\b/.test(fs.readFileSync(f, "utf8"))).map(rel);
    expect(parsing).toEqual([]);
  });

  it("the listed exceptions still exist (a stale entry is removed, not kept)", () => {
    for (const f of Object.keys(ALLOWED)) expect(fs.existsSync(path.join(ROOT, f)), f).toBe(true);
  });

  it("each domain's action and route modules load, so the schemas they derive build", async () => {
    const modules = TYPED_DOMAINS.flatMap((d) => [
      ...walk(path.join(ROOT, "app/(admin)", d), (f) => f.endsWith("actions.ts")),
      ...walk(path.join(ROOT, "app/api", d), (f) => f.endsWith("route.ts")),
    ]);
    expect(modules.length).toBeGreaterThan(10);
    for (const m of modules) {
      const mod = await import(/* @vite-ignore */ m);
      expect(Object.keys(mod).length, rel(m)).toBeGreaterThan(0);
    }
  });
});
