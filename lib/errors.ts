// One error type for the domain layer; every edge maps its code to a status the same way.
export const errorCodes = [
  "NOT_FOUND",
  "FORBIDDEN",
  "UNAUTHORIZED",
  "CONFLICT",
  "INVALID_INPUT",
  "RATE_LIMITED",
  "UNAVAILABLE",
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: { fieldErrors?: FieldErrors; retryAfterSeconds?: number; [key: string]: unknown },
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const httpStatus: Record<ErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHORIZED: 401,
  CONFLICT: 409,
  INVALID_INPUT: 400,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found`);

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
