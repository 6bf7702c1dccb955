import { createWriteStream } from "node:fs";
import { open } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";
import yauzl from "yauzl";
import { ValidationError } from "@/lib/errors";
import { findUnsafeText } from "@/lib/validation/unsafe-input";

// Reads a .zip of test media with zip-bomb guards: a cap on the number of entries, on each entry's
// size and on the total uncompressed size — of this zip, and of every zip of one upload together
// (`budget`). The sizes are checked from the central directory before anything is inflated, and
// yauzl (validateEntrySizes) fails any entry whose inflated bytes exceed what the directory
// declared, so a lying header cannot get past the caps. With `outDir`, entries stream to files
// there (the caller removes the directory); without it, they are kept in memory (small zips, tests).

export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 2000, maxEntryBytes: 50 * 1024 * 1024, maxTotalBytes: 512 * 1024 * 1024 };

/** Uncompressed bytes still allowed for the whole upload, shared by its zips. */
export interface UnpackBudget {
  remainingBytes: number;
  readonly totalBytes: number;
}

export type UnzippedFile = { name: string; bytes: Buffer } | { name: string; path: string; size: number };

// Folders, macOS resource forks and hidden files are not media.
function isIgnored(name: string): boolean {
  return name.endsWith("/") || name.startsWith("__MACOSX/") || name.split("/").some((part) => part.startsWith("."));
}

function openZip(source: Buffer | string) {
  const options = { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true };
  return new Promise<yauzl.ZipFile>((resolve, reject) => {
    const done = (error: Error | null, file?: yauzl.ZipFile) => (error || !file ? reject(error ?? new Error("no zip")) : resolve(file));
    if (typeof source === "string") yauzl.open(source, options, done);
    else yauzl.fromBuffer(source, options, done);
  });
}

/** Counts an entry's inflated bytes and stops it at the cap (belt and braces next to validateEntrySizes). */
function capped(maxBytes: number, onExceeded: () => Error) {
  let read = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      read += chunk.length;
      if (read > maxBytes) callback(onExceeded());
      else callback(null, chunk);
    },
  });
}

export async function unpackZip(
  source: Buffer | string,
  zipName: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  options: { outDir?: string; budget?: UnpackBudget } = {},
): Promise<UnzippedFile[]> {
  const zip = await openZip(source).catch((error: unknown) => {
    throw new ValidationError(`${zipName} is not a readable zip file (${error instanceof Error ? error.message : String(error)}).`, { files: [`${zipName}: not a readable zip.`] });
  });
  const refuse = (message: string) => new ValidationError(`${zipName}: ${message}`, { files: [`${zipName}: ${message}`] });
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw refuse(`it holds ${zip.entryCount} entries; at most ${limits.maxEntries} are accepted.`);
  }

  const files: UnzippedFile[] = [];
  let declaredTotal = 0;
  try {
    for (;;) {
      const entry = await new Promise<yauzl.Entry | null>((resolve, reject) => {
        const onEntry = (e: yauzl.Entry) => settle(() => resolve(e));
        const onEnd = () => settle(() => resolve(null));
        const onError = (error: Error) => settle(() => reject(refuse(`could not be read (${error.message}).`)));
        const settle = (then: () => void) => {
          zip.off("entry", onEntry).off("end", onEnd).off("error", onError);
          then();
        };
        zip.on("entry", onEntry).on("end", onEnd).on("error", onError);
        zip.readEntry();
      });
      if (!entry) return files;
      if (isIgnored(entry.fileName)) continue;
      if (findUnsafeText(entry.fileName)) throw refuse("an entry's name contains a NUL character.");
      if (entry.uncompressedSize > limits.maxEntryBytes) throw refuse(`${entry.fileName} is ${entry.uncompressedSize} bytes uncompressed; at most ${limits.maxEntryBytes} per file.`);
      declaredTotal += entry.uncompressedSize;
      if (declaredTotal > limits.maxTotalBytes) throw refuse(`it expands to more than ${limits.maxTotalBytes} bytes; split it into smaller zips.`);
      if (options.budget) {
        options.budget.remainingBytes -= entry.uncompressedSize;
        if (options.budget.remainingBytes < 0) throw refuse(`the files of this upload expand to more than ${options.budget.totalBytes} bytes together; upload them in several parts.`);
      }
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
        zip.openReadStream(entry, (error, s) => (error || !s ? reject(refuse(`${entry.fileName} could not be read (${error?.message ?? "no stream"}).`)) : resolve(s))),
      );
      const limit = capped(limits.maxEntryBytes, () => refuse(`${entry.fileName} expands beyond ${limits.maxEntryBytes} bytes.`));
      const damaged = (error: unknown) => (error instanceof ValidationError ? error : refuse(`${entry.fileName} is damaged (${error instanceof Error ? error.message : String(error)}).`));
      if (options.outDir) {
        const filePath = path.join(options.outDir, `entry-${files.length + 1}`);
        await pipeline(stream, limit, createWriteStream(filePath, { mode: 0o600 })).catch((error: unknown) => {
          throw damaged(error);
        });
        files.push({ name: entry.fileName, path: filePath, size: entry.uncompressedSize });
      } else {
        const chunks: Buffer[] = [];
        await pipeline(stream, limit, async (source: AsyncIterable<Buffer>) => {
          for await (const chunk of source) chunks.push(chunk);
        }).catch((error: unknown) => {
          throw damaged(error);
        });
        files.push({ name: entry.fileName, bytes: Buffer.concat(chunks) });
      }
    }
  } finally {
    zip.close();
  }
}

/** A zip by its name or its first bytes (a file on disk is asked for its first four). */
export async function isZip(name: string, content: Uint8Array | string): Promise<boolean> {
  if (name.toLowerCase().endsWith(".zip")) return true;
  let head: Uint8Array = typeof content === "string" ? Buffer.alloc(0) : content;
  if (typeof content === "string") {
    const handle = await open(content, "r");
    try {
      const buffer = Buffer.alloc(4);
      const { bytesRead } = await handle.read(buffer, 0, 4, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}
