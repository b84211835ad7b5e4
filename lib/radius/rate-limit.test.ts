import { describe, expect, it } from "vitest";
import { formatRate, formatRateLimit, parseRate, parseRateLimit, RateLimitError, type RateLimit } from "./rate-limit";

describe("formatRateLimit", () => {
  it("writes rx/tx as upload/download", () => {
    expect(formatRateLimit({ uploadKbps: 2000, downloadKbps: 4000 })).toBe("2M/4M");
    expect(formatRateLimit({ uploadKbps: 512, downloadKbps: 1500 })).toBe("512k/1500k");
    expect(formatRateLimit({ uploadKbps: 0, downloadKbps: 10000 })).toBe("0/10M");
  });

  it("formats the full MikroTik wiki example", () => {
    const limit: RateLimit = {
      uploadKbps: 64,
      downloadKbps: 64,
      burstUploadKbps: 256,
      burstDownloadKbps: 256,
      burstThresholdUploadKbps: 128,
      burstThresholdDownloadKbps: 128,
      burstTimeSeconds: 10,
    };
    expect(formatRateLimit(limit)).toBe("64k/64k 256k/256k 128k/128k 10/10");
  });

  it("includes later positional fields only when needed, filling the earlier ones", () => {
    expect(formatRateLimit({ uploadKbps: 1000, downloadKbps: 2000, priority: 5 })).toBe("1M/2M 0/0 0/0 0/0 5");
    expect(formatRateLimit({ uploadKbps: 1000, downloadKbps: 2000, minUploadKbps: 256, minDownloadKbps: 512 })).toBe(
      "1M/2M 0/0 0/0 0/0 8 256k/512k",
    );
    expect(formatRateLimit({ uploadKbps: 1000, downloadKbps: 2000, burstTimeSeconds: 8 })).toBe("1M/2M 0/0 0/0 8/8");
    expect(formatRateLimit({ uploadKbps: 1000, downloadKbps: 2000, burstDownloadKbps: 4000 })).toBe("1M/2M 0/4M");
  });

  it("formats every field", () => {
    const limit: RateLimit = {
      uploadKbps: 5000,
      downloadKbps: 10000,
      burstUploadKbps: 7500,
      burstDownloadKbps: 15000,
      burstThresholdUploadKbps: 4000,
      burstThresholdDownloadKbps: 8000,
      burstTimeSeconds: 16,
      priority: 2,
      minUploadKbps: 1000,
      minDownloadKbps: 2500,
    };
    expect(formatRateLimit(limit)).toBe("5M/10M 7500k/15M 4M/8M 16/16 2 1M/2500k");
  });

  it("validates priority 1..8 and non-negative whole rates", () => {
    const base = { uploadKbps: 1, downloadKbps: 1 };
    for (const priority of [0, 9, 1.5, -1]) {
      expect(() => formatRateLimit({ ...base, priority })).toThrow(RateLimitError);
    }
    expect(() => formatRateLimit({ uploadKbps: -1, downloadKbps: 1 })).toThrow(/uploadKbps/);
    expect(() => formatRateLimit({ uploadKbps: 1, downloadKbps: 0.5 })).toThrow(/downloadKbps/);
    expect(() => formatRateLimit({ ...base, burstTimeSeconds: Number.NaN })).toThrow(/burstTimeSeconds/);
    expect(formatRateLimit({ ...base, priority: 1 })).toBe("1k/1k 0/0 0/0 0/0 1");
    expect(formatRateLimit({ ...base, priority: 8 })).toBe("1k/1k 0/0 0/0 0/0 8");
  });

  it("formats single rates", () => {
    expect(formatRate(0)).toBe("0");
    expect(formatRate(1000)).toBe("1M");
    expect(formatRate(1001)).toBe("1001k");
    expect(formatRate(100000)).toBe("100M");
  });
});

describe("parseRateLimit", () => {
  it("parses what formatRateLimit writes", () => {
    const samples: RateLimit[] = [
      { uploadKbps: 2000, downloadKbps: 4000 },
      { uploadKbps: 512, downloadKbps: 1500, burstUploadKbps: 1024, burstDownloadKbps: 3000 },
      {
        uploadKbps: 5000,
        downloadKbps: 10000,
        burstUploadKbps: 7500,
        burstDownloadKbps: 15000,
        burstThresholdUploadKbps: 4000,
        burstThresholdDownloadKbps: 8000,
        burstTimeSeconds: 16,
        priority: 2,
        minUploadKbps: 1000,
        minDownloadKbps: 2500,
      },
    ];
    for (const limit of samples) expect(parseRateLimit(formatRateLimit(limit))).toEqual(limit);
    const filled = formatRateLimit({ uploadKbps: 1000, downloadKbps: 2000, priority: 5 });
    expect(formatRateLimit(parseRateLimit(filled))).toBe(filled);
  });

  it("accepts the forms MikroTik admins write", () => {
    expect(parseRateLimit("2M")).toEqual({ uploadKbps: 2000, downloadKbps: 2000 });
    expect(parseRateLimit(" 1.5M/512000 ")).toEqual({ uploadKbps: 1500, downloadKbps: 512 });
    expect(parseRateLimit("1G/1g")).toEqual({ uploadKbps: 1_000_000, downloadKbps: 1_000_000 });
    expect(parseRateLimit("64k/64k 256k/256k 128k/128k 10s/10s")).toMatchObject({ burstTimeSeconds: 10 });
    expect(parseRateLimit("1M/2M 0/0 0/0 0/0 8/8").priority).toBe(8);
  });

  it("rejects malformed strings", () => {
    const bad = [
      "",
      "   ",
      "fast",
      "2X/4M",
      "1/2/3",
      "1500/1500",
      "2M/4M 1M/1M 1M/1M 10/20",
      "2M/4M 0/0 0/0 0/0 9",
      "2M/4M 0/0 0/0 0/0 0",
      "2M/4M 0/0 0/0 0/0 8 1M/1M extra",
      "-1M/2M",
    ];
    for (const text of bad) expect(() => parseRateLimit(text), text).toThrow(RateLimitError);
    expect(() => parseRate("1.0005M")).toThrow(RateLimitError);
  });
});
