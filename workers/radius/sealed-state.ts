// The RADIUS worker's saved state on disk (router list, authorisation snapshot): JSON, gzipped, sealed
// with the installation's key (AES-256-GCM, lib/crypto), written to a temporary file, fsync'd and renamed,
// so a reader sees the old file or the new one and nothing on disk is readable without the key.
import fs from "node:fs";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { openSecret, sealSecret } from "@/lib/crypto";

/** bigint values (counters, quotas) travel as strings; the row readers accept both. */
// Compression runs on the thread pool: a large snapshot must not stall the RADIUS event loop.
const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);

const replacer = (_key: string, value: unknown) => (typeof value === "bigint" ? value.toString() : value);

export async function writeSealedState(file: string, value: unknown): Promise<number> {
  const packed = (await gzip(Buffer.from(JSON.stringify(value, replacer), "utf8"))).toString("base64");
  const sealed = sealSecret("radius-state", packed);
  const tmp = `${file}.tmp`;
  const fd = await fs.promises.open(tmp, "w", 0o600);
  try {
    await fd.write(sealed);
    await fd.datasync();
  } finally {
    await fd.close();
  }
  await fs.promises.rename(tmp, file);
  return sealed.length;
}

/** The saved value, or null when there is no file; throws when it cannot be opened (wrong key, damage). */
export async function readSealedState<T>(file: string): Promise<T | null> {
  let sealed: string;
  try {
    sealed = await fs.promises.readFile(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
  const packed = openSecret("radius-state", sealed.trim());
  return JSON.parse((await gunzip(Buffer.from(packed, "base64"))).toString("utf8")) as T;
}
