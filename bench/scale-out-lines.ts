import type { MeasureLine } from "./report";
import type { ScaleOutResult } from "./scale-out";

// The scale-out run as benchmark lines: what must be 0, the throughputs, connections and idle load.
export function scaleOutLines(result: ScaleOutResult, options: { vendorLatencyMs: number; vendorConcurrency: number; poolSize: number }): MeasureLine[] {
  const zero = (name: string, value: number, note: string): MeasureLine => ({ kind: "measure", name, value, unit: "", target: 0, direction: "max", ok: value === 0, note });
  const latency = options.vendorLatencyMs > 0 ? `vendors answer after ${options.vendorLatencyMs} ms` : "vendors answer at once";
  // With real vendor latency the pipeline must sustain 100/s on 2 workers; without it there is no target.
  const target = options.vendorLatencyMs > 0 ? 100 : null;
  const lines: MeasureLine[] = result.phases.map((p) => ({
    kind: "measure",
    name: `throughput: ${p.name}`,
    value: p.perSecond,
    unit: "verifications/s",
    target: p.workers === 2 && !p.name.includes("SIGKILL") ? target : null,
    direction: "min",
    ok: p.workers === 2 && !p.name.includes("SIGKILL") && target !== null ? p.perSecond >= target : true,
    note: `${p.verifications} in ${p.seconds.toFixed(1)} s over HTTP through 2 apps until every answer is stored; ${latency}, concurrency ${options.vendorConcurrency} per vendor per worker`,
  }));
  lines.push(
    zero("lost verifications", result.lost + result.refused, `${result.accepted} accepted (202) of ${result.accepted + result.refused} sent; lost = accepted but not in the database, plus refused`),
    zero("stuck verifications", result.stuck, "still queued or running once the queue drained"),
    zero("vendor called twice (attempts)", result.vendorCalledTwiceByAttempts, "runs with more than one attempt that reached or may have reached the vendor"),
    zero("vendor called twice (sandbox log)", result.vendorCalledTwiceBySandbox, "the same media received twice by the sandbox"),
    zero("vendor-call jobs failed for good", result.deadLetters, "jobs in the vendor-call dead-letter queues"),
    zero("blobs missing from the bucket", result.blobsMissing, "media of accepted verifications whose object is not in s3rver"),
    {
      kind: "measure", name: "calls of the killed worker ended as unknown fate", value: result.unknownFate, unit: "runs", target: null, direction: "max", ok: result.unknownFate <= result.killedInFlight,
      note: `of ${result.killedInFlight} calls it had in flight; VENDOR_CALL_UNKNOWN_FATE=fail ends them as errors saying so (a person reruns them), never resent blindly`,
    },
    {
      kind: "measure", name: "peak database connections", value: result.peakConnections, unit: "connections", target: result.connectionBound, direction: "max", ok: result.peakConnections <= result.connectionBound,
      note: `bound: 2 apps × (${options.poolSize} + 4 + 1) + 2 workers × (${options.poolSize} + 4 + 1 + 2) + bench 3; max_connections ${result.maxConnections}`,
    },
    ...result.idleQueriesPerSecond.map((idle): MeasureLine => ({
      kind: "measure", name: `idle statements/s, 2 apps + ${idle.workers} worker${idle.workers > 1 ? "s" : ""}`, value: idle.perSecond, unit: "statements/s", target: null, direction: "max", ok: true,
      note: "transactions committed in the database while nothing is sent (pg_stat_database)",
    })),
  );
  return lines;
}
