import { z } from "zod";

// Built once: constructing a zod schema costs ~0.2 ms, and ids are checked on every request and job.
const uuidSchema = z.uuid();

/** Whether `value` is a UUID (any version), as ids in Verdict's URLs and jobs are. */
export function isUuid(value: string): boolean {
  return uuidSchema.safeParse(value).success;
}
