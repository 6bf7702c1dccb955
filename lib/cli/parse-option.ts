import type { z } from "zod";
import { ValidationError } from "@/lib/errors";

// Validates one command-line option with the same zod schema the web form uses.
export function parseOption<S extends z.ZodType>(flag: string, schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ValidationError(`${flag}: ${parsed.error.issues.map((i) => i.message).join(" ")}`);
  return parsed.data;
}
