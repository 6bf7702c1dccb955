import { spawn } from "node:child_process";

export interface ToolResult {
  stdout: Buffer;
  stderr: string;
}

// The tool is not installed (or the configured path is wrong): callers degrade instead of failing.
export class ToolMissingError extends Error {
  constructor(readonly tool: string) {
    super(`${tool} is not installed or not executable`);
  }
}

// The tool ran and failed: non-zero exit, killed on timeout, or too much output.
export class ToolFailedError extends Error {}

/**
 * Runs a media tool on untrusted input: no shell (arguments are passed as an array), a hard
 * timeout that kills the process, and a cap on what it may write to stdout.
 */
export function runTool(command: string, args: readonly string[], options: { timeoutMs: number; maxStdoutBytes: number }): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { shell: false, stdio: ["ignore", "pipe", "pipe"], windowsHide: true });
    const chunks: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = "";
    let failure: Error | null = null;

    const stop = (error: Error) => {
      failure ??= error;
      child.kill("SIGKILL");
    };
    const timer = setTimeout(() => stop(new ToolFailedError(`${command} took longer than ${options.timeoutMs} ms and was stopped`)), options.timeoutMs);

    child.stdout.on("data", (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > options.maxStdoutBytes) stop(new ToolFailedError(`${command} wrote more than ${options.maxStdoutBytes} bytes and was stopped`));
      else chunks.push(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      // Only the tail matters for a message.
      stderr = (stderr + chunk.toString("utf8")).slice(-4000);
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      failure ??= error.code === "ENOENT" || error.code === "EACCES" ? new ToolMissingError(command) : error;
      reject(failure);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (failure) return reject(failure);
      if (code !== 0) return reject(new ToolFailedError(`${command} exited with code ${code}: ${lastLine(stderr)}`));
      resolve({ stdout: Buffer.concat(chunks), stderr });
    });
  });
}

function lastLine(text: string) {
  const lines = text.trim().split("\n");
  return lines[lines.length - 1] || "no error output";
}
