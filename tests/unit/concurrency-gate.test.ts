import { describe, expect, it } from "vitest";
import { createConcurrencyGate } from "@/lib/http/concurrency-gate";

describe("a concurrency gate", () => {
  it("lets `max` in, refuses the next without queueing, and frees a slot on release (once)", () => {
    const gate = createConcurrencyGate(2);
    const first = gate.tryEnter();
    const second = gate.tryEnter();
    expect(first && second).toBeTruthy();
    expect(gate.tryEnter()).toBeNull();
    first!();
    first!();
    expect(gate.active).toBe(1);
    expect(gate.tryEnter()).not.toBeNull();
    expect(gate.tryEnter()).toBeNull();
  });
});
