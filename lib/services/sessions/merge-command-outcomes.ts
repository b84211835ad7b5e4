// Adds up the outcomes of session commands sent as several jobs (one speed change per customer) or
// several requests (a bulk change in chunks): the worst state wins, the results are joined. Pure, so the
// server (awaiting several jobs) and the browser (adding up chunks) use the same rule.

export interface MergeableOutcome<R> {
  jobId: string | null;
  openSessions: number;
  state: string;
  results: R[];
  error?: string;
}

/** failed/cancelled, then anything unfinished, then completed. */
const rank = (state: string) => (state === "failed" || state === "cancelled" ? 2 : state === "completed" ? 0 : 1);

export function mergeCommandOutcomes<O extends MergeableOutcome<unknown>>(a: O | null, b: O): O {
  if (!a || a.state === "nothing-to-do") return b;
  if (b.state === "nothing-to-do") return a;
  return {
    ...a,
    jobId: a.jobId ?? b.jobId,
    openSessions: a.openSessions + b.openSessions,
    state: rank(b.state) > rank(a.state) ? b.state : a.state,
    results: [...a.results, ...b.results],
    error: (rank(b.state) > rank(a.state) ? b.error : a.error) ?? a.error ?? b.error,
  };
}
