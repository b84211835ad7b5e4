// Runs one benchmark: `npm run bench -- <name> [options]` loads bench/<name>/run.ts (or a file named in
// EXTRA), which prints its figures. Benchmarks measure and print; they never pass or fail on timing.
import fs from "node:fs";
import path from "node:path";

// Benchmarks that live beside another one's run.ts: name -> file under bench/.
const EXTRA: Record<string, string> = {
  freeradius: "radius/freeradius.ts", // the anchor for `radius`: FreeRADIUS + PostgreSQL under the same load
};

async function main() {
  const here = path.resolve(process.cwd(), "bench");
  const files = new Map(
    fs
      .readdirSync(here, { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(here, d.name, "run.ts")))
      .map((d) => [d.name, path.join(here, d.name, "run.ts")] as const),
  );
  for (const [name, file] of Object.entries(EXTRA)) if (fs.existsSync(path.join(here, file))) files.set(name, path.join(here, file));
  const available = [...files.keys()].sort();

  const name = process.argv[2];
  if (!name || name.startsWith("-") || !available.includes(name)) {
    console.error(`Usage: npm run bench -- <name> [options]\nBenchmarks: ${available.join(", ") || "(none)"}`);
    if (name && !name.startsWith("-")) console.error(`No benchmark called "${name}".`);
    process.exit(2);
  }
  // The benchmark sees its own options at process.argv.slice(2), as if it had been run directly.
  process.argv.splice(2, 1);
  // A benchmark's file does its work when loaded.
  await import(files.get(name)!);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
