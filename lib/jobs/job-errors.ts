// How a job handler says what went wrong. Throw RetryableJobError for a failure that may pass on a
// later attempt (vendor 5xx, timeout, network): pg-boss retries it with the queue's backoff, and
// dead-letters it once the retries are used up. Any other error is final: the job goes to the
// dead-letter queue at once, without retries (bad payload, missing row, a vendor's 4xx).
export class RetryableJobError extends Error {
  override name = "RetryableJobError";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export function isRetryableJobError(error: unknown): error is RetryableJobError {
  return error instanceof RetryableJobError;
}
