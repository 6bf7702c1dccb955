import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";

// Starts tests/support/route-server.ts (the app's body-reading route handlers behind a plain HTTP
// server) as a child process, so a test can attack it over real HTTP and read its memory.

const root = path.resolve(import.meta.dirname, "../../..");

export interface RouteServer {
  url: string;
  pid: number;
  stop: () => Promise<void>;
}

export async function startRouteServer(env: Record<string, string> = {}): Promise<RouteServer> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "--import", "./tests/support/stub-server-only.mjs", "tests/support/route-server.ts"], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      const match = /listening (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`route server exited (${code}): ${stderr}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Resident memory of a process, now and at its peak (VmRSS, VmHWM from /proc), in MB. */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
}

/** Clears the peak (VmHWM) so the next reading covers only what follows (Linux: clear_refs 5). */
export function resetPeakMemory(pid: number) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
  } catch {
    // Not permitted: the peak then also covers the server's start, which only makes the bound stricter.
  }
}

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * POSTs a body produced chunk by chunk with Transfer-Encoding: chunked (no Content-Length), as an
 * attacker would; stops sending as soon as the server answers.
 */
export function postChunked(url: string, headers: Record<string, string>, chunks: Iterable<Buffer>): Promise<Reply> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const request = http.request(url, { method: "POST", headers: { ...headers, "transfer-encoding": "chunked" } }, (response) => {
      answered = true;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (c: string) => (body += c));
      response.on("end", () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body });
      });
    });
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    const iterator = chunks[Symbol.iterator]();
    const pump = () => {
      while (!answered) {
        const next = iterator.next();
        if (next.done) return void request.end();
        if (!request.write(next.value)) return void request.once("drain", pump);
      }
    };
    pump();
  });
}
