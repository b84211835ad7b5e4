// The AppError a promise rejects with, for tests that look at its code and field errors.
import { AppError } from "@/lib/errors";

export async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected the promise to reject");
}
