// Runs one benchmark: `npm run bench -- <name> [options]` loads bench/<name>/run.ts, which prints its
// figures. Benchmarks measure and print; they never pass or fail on timing.
import fs from "node:fs";
import path from "node:path";

async function main() {
  const here = path.resolve(process.cwd(), "bench");
  const available = fs
    .readdirSync(here, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(here, d.name, "run.ts")))
    .map((d) => d.name)
    .sort();

  const name = process.argv[2];
  if (!name || name.startsWith("-") || !available.includes(name)) {
    console.error(`Usage: npm run bench -- <name> [options]\nBenchmarks: ${available.join(", ") || "(none)"}`);
    if (name && !name.startsWith("-")) console.error(`No benchmark called "${name}".`);
    process.exit(2);
  }
  // The benchmark sees its own options at process.argv.slice(2), as if it had been run directly.
  process.argv.splice(2, 1);
  // A benchmark's run.ts does its work when loaded.
  await import(path.join(here, name, "run.ts"));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
