import { describe, expect, it } from "vitest";
import { mergeCommandOutcomes, type MergeableOutcome } from "./merge-command-outcomes";

type Outcome = MergeableOutcome<{ username: string; outcome: string }>;

const done = (id: string, username: string): Outcome => ({ jobId: id, openSessions: 1, state: "completed", results: [{ username, outcome: "ACK" }] });

describe("mergeCommandOutcomes", () => {
  it("joins the results and counts of several jobs, keeping the first job's id", () => {
    expect(mergeCommandOutcomes(done("j1", "a"), done("j2", "b"))).toEqual({ jobId: "j1", openSessions: 2, state: "completed", results: [{ username: "a", outcome: "ACK" }, { username: "b", outcome: "ACK" }] });
  });

  it("lets the worst state win: a failure over an unfinished job over a completed one, with the failure's error", () => {
    const pending: Outcome = { jobId: "j2", openSessions: 1, state: "active", results: [] };
    const failed: Outcome = { jobId: "j3", openSessions: 1, state: "failed", results: [], error: "worker gone" };
    expect(mergeCommandOutcomes(done("j1", "a"), pending).state).toBe("active");
    const all = [done("j1", "a"), pending, failed].reduce((acc, o) => mergeCommandOutcomes(acc, o));
    expect(all).toMatchObject({ state: "failed", error: "worker gone", openSessions: 3 });
    expect(mergeCommandOutcomes(failed, done("j4", "d")).state).toBe("failed");
  });

  it("a part with nothing to do adds nothing", () => {
    const nothing: Outcome = { jobId: null, openSessions: 0, state: "nothing-to-do", results: [] };
    expect(mergeCommandOutcomes(null, nothing)).toBe(nothing);
    expect(mergeCommandOutcomes(nothing, done("j1", "a"))).toEqual(done("j1", "a"));
    expect(mergeCommandOutcomes(done("j1", "a"), nothing)).toEqual(done("j1", "a"));
  });
});
