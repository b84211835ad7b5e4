// Work an edge does after its tenant transaction has committed, on no connection of that transaction:
// waiting for a job the transaction sent (the job is invisible until the commit, and a request that
// held its connection while waiting would starve the pool). A handler returns afterCommit(fn); withTenant
// commits, then runs fn and returns its result.
export class AfterCommit<T> {
  readonly #run: () => Promise<T>;
  constructor(run: () => Promise<T>) {
    this.#run = run;
  }
  run(): Promise<T> {
    return this.#run();
  }
}

export function afterCommit<T>(run: () => Promise<T>): AfterCommit<T> {
  return new AfterCommit(run);
}
