import { readFileSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import path from "node:path";

// CPU time of processes, read from /proc (Linux): what a step costs whatever else loads the machine,
// unlike its throughput. And an optional CPU profile of this process over one phase of a run.

/** CPU time (user + system) of a process so far, in ms; 0 once it has gone. */
export function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    // utime and stime are fields 14 and 15 of the line (11 and 12 after the command), in clock ticks (100 Hz).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** This process's CPU time so far (all its threads: libvips' included), in ms. */
export function ownCpuMs(): number {
  const own = process.cpuUsage();
  return (own.user + own.system) / 1000;
}

/**
 * The CPU time each of a set of processes spent between `start` and `read`, in ms. Processes that
 * started after `start` count from 0 (a database backend opened during the run); those that ended
 * before `read` are lost (pools keep theirs open, so few are).
 */
export function cpuSince(pids: number[]): { add(pids: number[]): void; read(): number } {
  const before = new Map(pids.map((pid) => [pid, processCpuMs(pid)]));
  const seen = new Set(pids);
  return {
    add(more) {
      for (const pid of more) seen.add(pid);
    },
    read() {
      return [...seen].reduce((total, pid) => total + Math.max(0, processCpuMs(pid) - (before.get(pid) ?? 0)), 0);
    },
  };
}

/** With BENCH_CPU_PROFILE_DIR set, a V8 CPU profile of this process from now until stop() (open it in Chrome DevTools or speedscope). */
export async function startCpuProfile(name: string): Promise<{ stop(): Promise<string | null> }> {
  const dir = process.env.BENCH_CPU_PROFILE_DIR;
  if (!dir) return { stop: async () => null };
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return {
    async stop() {
      const { profile } = await session.post("Profiler.stop");
      session.disconnect();
      const file = path.join(dir, `${name}-${process.pid}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      return file;
    },
  };
}
