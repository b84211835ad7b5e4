// Validation happens once, at the edge: the action and REST wrappers parse with the service's own zod
// schema and hand the service the parsed type. This scans lib/services for the ways that rule is broken:
// an exported function taking `Record<string, unknown>`, `unknown` or a schema's unparsed `z.input<…>`
// (directly or through a type alias), and a service parsing its own input again; and it loads every
// action and route module, so a schema an edge derives (.pick, .extend, .partial) is known to build.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const ROOT = path.join(process.cwd(), "lib/services");

/** Allowed, each with its reason: "file: function(parameter)". */
const ALLOWED = new Map<string, string>([
  ["audit/record-audit.ts: auditSummary(value)", "audit summaries of arbitrary JSON (before/after snapshots), stored as given"],
  ["db-errors.ts: mapDbError(e)", "a caught error, whatever was thrown"],
  ["db-errors.ts: pgErrorCode(e)", "a caught error, whatever was thrown"],
  ["db-errors.ts: isUniqueViolation(e)", "a caught error, whatever was thrown"],
  ["zod-helpers.ts: blank(v)", "a zod preprocessor: it sees the raw value before the schema types it"],
  ["zod-helpers.ts: blankToNull(v)", "a zod preprocessor: it sees the raw value before the schema types it"],
  ["radius/find-auth-subjects.ts: customerOf(r)", "a raw SQL row of the auth snapshot decoded into a typed subject, not user input"],
  ["radius/find-auth-subjects.ts: voucherOf(r)", "a raw SQL row of the auth snapshot decoded into a typed subject, not user input"],
]);

function serviceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return serviceFiles(full);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") && !e.name.endsWith(".d.ts") ? [full] : [];
  });
}

const files = serviceFiles(ROOT).map((full) => {
  const rel = path.relative(ROOT, full).split(path.sep).join("/");
  return { rel, source: ts.createSourceFile(rel, readFileSync(full, "utf8"), ts.ScriptTarget.Latest, true) };
});

/** Every type alias declared in lib/services, by name (names are unique enough for this check). */
const aliases = new Map<string, ts.TypeNode>();
for (const { source } of files) {
  source.forEachChild((n) => {
    if (ts.isTypeAliasDeclaration(n)) aliases.set(n.name.text, n.type);
  });
}

/** The top-level parts of a type (through `&`, `|`, parentheses and aliases) that leave the input untyped. */
function untypedParts(node: ts.TypeNode, seen = new Set<string>()): string[] {
  if (ts.isIntersectionTypeNode(node) || ts.isUnionTypeNode(node)) return node.types.flatMap((t) => untypedParts(t, seen));
  if (ts.isParenthesizedTypeNode(node)) return untypedParts(node.type, seen);
  if (node.kind === ts.SyntaxKind.UnknownKeyword || node.kind === ts.SyntaxKind.AnyKeyword) return [node.getText()];
  if (ts.isTypeReferenceNode(node)) {
    const name = node.typeName.getText();
    const args = node.typeArguments ?? [];
    if (name === "Record" && args.length === 2 && [ts.SyntaxKind.UnknownKeyword, ts.SyntaxKind.AnyKeyword].includes(args[1].kind)) return [node.getText()];
    if (name === "z.input") return [node.getText()];
    const alias = aliases.get(name);
    if (alias && !seen.has(name)) return untypedParts(alias, new Set([...seen, name]));
  }
  return [];
}

function exportedFunctions(source: ts.SourceFile): { name: string; fn: ts.SignatureDeclarationBase }[] {
  const out: { name: string; fn: ts.SignatureDeclarationBase }[] = [];
  source.forEachChild((n) => {
    const exported = ts.canHaveModifiers(n) && ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) return;
    if (ts.isFunctionDeclaration(n) && n.name) out.push({ name: n.name.text, fn: n });
    if (ts.isVariableStatement(n)) {
      for (const d of n.declarationList.declarations) {
        if (d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer)) && ts.isIdentifier(d.name)) out.push({ name: d.name.text, fn: d.initializer });
      }
    }
  });
  return out;
}

describe("services take typed input", () => {
  it("no exported service function takes Record<string, unknown>, unknown or an unparsed z.input", () => {
    const found: string[] = [];
    for (const { rel, source } of files) {
      for (const { name, fn } of exportedFunctions(source)) {
        for (const p of fn.parameters) {
          if (!p.type) continue;
          const bad = untypedParts(p.type);
          const key = `${rel}: ${name}(${p.name.getText()})`;
          if (bad.length && !ALLOWED.has(key)) found.push(`${key}: ${bad.join(", ")}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it("no service parses its own input again", () => {
    const found = files
      .flatMap(({ rel, source }) =>
        source.text
          .split("\n")
          .map((line, i) => ({ line, i }))
          .filter(({ line }) => /\w+Schema\.(safeParse|parse)\(\s*(\{\s*\.\.\.)?input\b/.test(line))
          .map(({ i }) => `${rel}:${i + 1}`),
      );
    expect(found).toEqual([]);
  });

  it("the check sees the old mistakes", () => {
    const probe = ts.createSourceFile(
      "probe.ts",
      "type Loose = Record<string, unknown>; export async function a(db: Db, input: Loose & { tenantId: string }) {} export function b(input: z.input<typeof s>) {} export function c(x: unknown) {}",
      ts.ScriptTarget.Latest,
      true,
    );
    probe.forEachChild((n) => {
      if (ts.isTypeAliasDeclaration(n)) aliases.set(n.name.text, n.type);
    });
    const flagged = exportedFunctions(probe).flatMap(({ name, fn }) => fn.parameters.filter((p) => p.type && untypedParts(p.type).length).map((p) => `${name}(${p.name.getText()})`));
    expect(flagged).toEqual(["a(input)", "b(input)", "c(x)"]);
  });
  it("every action and route module loads, so the schemas the edges derive build", async () => {
    const app = path.join(process.cwd(), "app");
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const full = path.join(dir, e.name);
        return e.isDirectory() ? walk(full) : e.name === "actions.ts" || e.name === "route.ts" ? [full] : [];
      });
    const modules = walk(app);
    expect(modules.length).toBeGreaterThan(30);
    for (const m of modules) {
      const mod = await import(/* @vite-ignore */ m);
      expect(Object.keys(mod).length, path.relative(app, m)).toBeGreaterThan(0);
    }
  }, 60_000);
});
