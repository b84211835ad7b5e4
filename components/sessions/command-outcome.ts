// What a disconnect or speed change came to, in words an operator can act on: closed, rejected by the
// router (with its Error-Cause), or not answered (with where to look). Pure, so pages and tests share it.

export interface CommandOutcome {
  jobId: string | null;
  openSessions: number;
  state: string;
  results: { sessionId: string; username: string; outcome: string; errorCause?: string; closed: boolean; message?: string }[];
  error?: string;
}

export type Verdict = "done" | "nothing" | "rejected" | "unanswered" | "partial" | "pending" | "failed";

export interface OutcomeLine {
  kind: "closed" | "rejected" | "unanswered" | "error";
  count: number;
  /** Error-Cause names (rejected) or messages (error). */
  details: string[];
}

export interface OutcomeSummary {
  verdict: Verdict;
  title: string;
  lines: OutcomeLine[];
  /** Shown when a router did not answer (or the worker could not say in time). */
  hint: boolean;
}

export const UNANSWERED_HINT =
  "The router did not answer the request. On the router run /radius incoming set accept=yes, check that the CoA port (3799 unless changed on the router's page) matches, and that no firewall between this server and the router drops UDP to that port.";

export function summarizeOutcome(o: CommandOutcome, action: "disconnect" | "speed change" = "disconnect"): OutcomeSummary {
  if (o.state === "nothing-to-do") return { verdict: "nothing", title: "No live session: nothing to do", lines: [], hint: false };
  if (o.state === "pending") {
    return { verdict: "pending", title: `No answer yet: the ${action} of ${o.openSessions} session(s) is still being tried`, lines: [], hint: true };
  }
  if (o.state !== "completed") return { verdict: "failed", title: `The ${action} could not be carried out`, lines: [{ kind: "error", count: 1, details: [o.error ?? "The worker failed"] }], hint: false };
  const done = o.results.filter((r) => (action === "disconnect" ? r.closed : r.outcome === "ACK"));
  const rejected = o.results.filter((r) => r.outcome === "NAK" && !r.closed);
  const unanswered = o.results.filter((r) => r.outcome === "TIMEOUT");
  const errors = o.results.filter((r) => r.outcome === "ERROR");
  const uniq = (xs: (string | undefined)[]) => [...new Set(xs.map((x) => x ?? "no Error-Cause given"))];
  const lines: OutcomeLine[] = [];
  if (done.length) lines.push({ kind: "closed", count: done.length, details: [] });
  if (rejected.length) lines.push({ kind: "rejected", count: rejected.length, details: uniq(rejected.map((r) => r.errorCause)) });
  if (unanswered.length) lines.push({ kind: "unanswered", count: unanswered.length, details: [] });
  if (errors.length) lines.push({ kind: "error", count: errors.length, details: uniq(errors.map((r) => r.message)) });
  const total = o.results.length;
  if (total === 0) return { verdict: "nothing", title: "The sessions had already ended", lines, hint: false };
  if (done.length === total) {
    return { verdict: "done", title: action === "disconnect" ? `Disconnected: ${total} session(s) closed` : `Applied: the new speed is live on ${total} session(s)`, lines, hint: false };
  }
  if (unanswered.length === total) return { verdict: "unanswered", title: "Not answered by the router", lines, hint: true };
  if (rejected.length === total) return { verdict: "rejected", title: "Rejected by the router", lines, hint: false };
  return { verdict: "partial", title: `${done.length} of ${total} session(s) done`, lines, hint: unanswered.length > 0 };
}
