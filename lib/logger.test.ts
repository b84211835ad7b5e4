import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, redactUrl } from "./logger";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  return { log: createLogger(stream), lines };
}

describe("logger", () => {
  it("never writes passwords, secrets, tokens or cookies", () => {
    const { log, lines } = capture();
    log.level = "info";
    log.info(
      {
        password: "hunter2-password",
        user: { password: "nested-pass", email: "a@b.c" },
        secret: "radius-secret",
        router: { sharedSecret: "shared-secret-x" },
        refreshToken: "rt-123",
        req: { headers: { authorization: "Bearer abc", cookie: "next-auth.session-token=zzz" } },
        totpSecret: "JBSWY3DP",
      },
      "sign-in",
    );
    const out = lines.join("");
    for (const leaked of ["hunter2-password", "nested-pass", "radius-secret", "shared-secret-x", "rt-123", "Bearer abc", "session-token=zzz", "JBSWY3DP"]) {
      expect(out).not.toContain(leaked);
    }
    expect(out).toContain("a@b.c");
    expect(out).toContain("[redacted]");
  });

  it("strips credentials from connection URLs", () => {
    expect(redactUrl("postgres://isp:s3cr3t@db:5432/isp")).toBe("postgres://isp:[redacted]@db:5432/isp");
  });
});
