import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/** Class names joined by clsx; of two Tailwind classes that conflict, the later wins (tailwind-merge). */
export function cn(...values: ClassValue[]) {
  return twMerge(clsx(values));
}
