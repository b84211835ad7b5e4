// A deadline that fires on a timer, whatever the awaited work is doing (a query queued behind a full
// pool, a socket that never answers): the caller gets control back on time.
export class DeadlineExceeded extends Error {}

/** `p`, or DeadlineExceeded after `ms`; `onTimeout` may abandon the work (cancel a query). */
export function withDeadline<T>(p: PromiseLike<T>, ms: number, what: string, onTimeout?: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    Promise.resolve(p).finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        onTimeout?.();
        reject(new DeadlineExceeded(`${what} took longer than ${ms} ms`));
      }, Math.max(0, ms));
      timer.unref?.();
    }),
  ]);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref?.());
