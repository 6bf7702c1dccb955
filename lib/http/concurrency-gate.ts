// A counting semaphore that never queues: work beyond `max` at once is refused (the caller answers
// 503 with Retry-After), so a burst of heavy requests cannot grow the process without bound.
export interface ConcurrencyGate {
  /** A release function when a slot was free, else null. */
  tryEnter: () => (() => void) | null;
  readonly active: number;
}

export function createConcurrencyGate(max: number): ConcurrencyGate {
  let active = 0;
  return {
    tryEnter() {
      if (active >= max) return null;
      active += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        active -= 1;
      };
    },
    get active() {
      return active;
    },
  };
}
