import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { once } from "node:events";
import busboy from "busboy";
import { AppError, ValidationError } from "@/lib/errors";
import { findUnsafeText } from "@/lib/validation/unsafe-input";

/*
 * Request bodies read with a byte budget. Content-Length is a hint only (a chunked body has none):
 * the bytes are counted as they arrive and reading stops at the limit with 413, so no body is ever
 * held whole before it is judged. Multipart bodies are parsed as a stream (busboy): each file goes
 * to a bounded buffer or, for big uploads, to a private temp directory removed by `cleanup()`.
 */

export class BodyTooLargeError extends AppError {
  constructor(what: string, limit: number, field?: string) {
    const message = `${what} is larger than ${formatLimit(limit)}.`;
    super(message, 413, field ? { [field]: [message] } : undefined);
  }
}

function formatLimit(bytes: number) {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

// A body refused before its end (413 at a limit, or a bad part) is still arriving. Closing the
// connection at once makes the kernel answer the client's next bytes with a reset, which can
// destroy the refusal before the client reads it; so what still comes is read and thrown away for
// a while (the "lingering close" of nginx and Apache), then the connection is cut. Nothing is kept.
const LINGER_MS = 5_000;
const LINGER_BYTES = 1024 * 1024 * 1024;

function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>) {
  const cut = () => void reader.cancel().catch(() => {});
  const timer = setTimeout(cut, LINGER_MS);
  timer.unref();
  void (async () => {
    let discarded = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        discarded += value.byteLength;
        if (discarded > LINGER_BYTES) return cut();
      }
    } catch {
      // The client went away: nothing left to discard.
    } finally {
      clearTimeout(timer);
    }
  })();
}

/** Refuses a body whose declared length passes the limit, before reading any of it. */
function refuseDeclaredLength(req: Request, maxBytes: number) {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared <= maxBytes) return;
  if (req.body && !req.body.locked) discardRest(req.body.getReader());
  throw new BodyTooLargeError("The request", maxBytes);
}

/** The chunks of a body, counted: throws BodyTooLargeError as soon as more than maxBytes arrived. */
async function* countedChunks(req: Request, maxBytes: number): AsyncGenerator<Uint8Array> {
  refuseDeclaredLength(req, maxBytes);
  if (!req.body) return;
  const reader = req.body.getReader();
  let read = 0;
  let ended = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        ended = true;
        return;
      }
      read += value.byteLength;
      if (read > maxBytes) throw new BodyTooLargeError("The request", maxBytes);
      yield value;
    }
  } finally {
    // Stopped early (refused, or the caller gave up): discard the rest instead of holding it.
    if (!ended) discardRest(reader);
  }
}

/** The whole body as bytes, at most maxBytes of it. */
export async function readBodyBytes(req: Request, maxBytes: number): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of countedChunks(req, maxBytes)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** A JSON body of at most maxBytes; 400 when it does not parse. */
export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const bytes = await readBodyBytes(req, maxBytes);
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new ValidationError("The body is not valid JSON.");
  }
}

export interface MultipartLimits {
  /** Bytes of the whole body, as received. */
  maxRequestBytes: number;
  /** Bytes of one file part. */
  maxFileBytes: number;
  maxFiles: number;
  /** Bytes of one text field. */
  maxFieldBytes: number;
  maxFields: number;
  /** Write file parts to a temp directory instead of memory (big uploads). */
  toDisk?: boolean;
}

export interface UploadedFile {
  field: string;
  filename: string;
  size: number;
  /** Set for files kept in memory. */
  bytes: Buffer | null;
  /** Set for files written to disk. */
  path: string | null;
}

export interface MultipartBody {
  fields: Map<string, string[]>;
  files: UploadedFile[];
  /** Removes the temp directory of files written to disk (always call it, e.g. in `finally`). */
  cleanup: () => Promise<void>;
}

function nulError(field: string, what: string) {
  return new ValidationError(`${field}: the ${what} contains a NUL character.`, { [field]: [`The ${what} must not contain NUL characters.`] });
}

/**
 * Parses a multipart/form-data body as it streams in. Throws 413 when the body, a file or a field
 * passes its limit (with the field named), 400 for a malformed body or a NUL character in a field
 * or a file name; temp files are removed before any error leaves.
 */
export async function readMultipartBody(req: Request, limits: MultipartLimits): Promise<MultipartBody> {
  const contentType = req.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) throw new AppError("Send multipart/form-data.", 415);
  refuseDeclaredLength(req, limits.maxRequestBytes);

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fieldSize: limits.maxFieldBytes, fields: limits.maxFields, fieldNameSize: 200 },
      defParamCharset: "utf8",
    });
  } catch {
    throw new ValidationError("The multipart body could not be read (no boundary in Content-Type).");
  }

  const dir = limits.toDisk ? await mkdtemp(path.join(tmpdir(), "verdict-upload-")) : null;
  const cleanup = async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  };
  const fields = new Map<string, string[]>();
  const files: UploadedFile[] = [];
  const pending: Promise<void>[] = [];
  // Set from the parser's callbacks, so TypeScript must not narrow it to `null` here.
  let failure = null as Error | null;
  const fail = (error: Error) => {
    failure ??= error;
  };

  parser.on("field", (name, value, info) => {
    if (info.valueTruncated) return fail(new BodyTooLargeError(`The field ${name}`, limits.maxFieldBytes, name));
    if (findUnsafeText(name) || findUnsafeText(value)) return fail(nulError(name, "field"));
    fields.set(name, [...(fields.get(name) ?? []), value]);
  });
  parser.on("file", (name, stream, info) => {
    const filename = info.filename ?? name;
    if (failure || findUnsafeText(name) || findUnsafeText(filename)) {
      fail(nulError(name, "file name"));
      stream.resume();
      return;
    }
    const file: UploadedFile = { field: name, filename, size: 0, bytes: null, path: null };
    files.push(file);
    // A part cut short (the body was refused, or the client went away) errors its stream: noted, not thrown.
    stream.on("error", (error: Error) => fail(new ValidationError(`The file ${filename} (${name}) could not be read (${error.message}).`)));
    stream.on("limit", () => fail(new BodyTooLargeError(`The file ${filename} (${name})`, limits.maxFileBytes, name)));
    if (dir) {
      file.path = path.join(dir, `part-${files.length}`);
      const out = createWriteStream(file.path, { mode: 0o600 });
      stream.on("data", (chunk: Buffer) => (file.size += chunk.length));
      stream.pipe(out);
      out.on("error", (error: Error) => fail(error));
      pending.push(once(out, "close").then(() => undefined, () => undefined));
    } else {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => {
        file.size += chunk.length;
        chunks.push(chunk);
      });
      pending.push(once(stream, "end").then(() => void (file.bytes = Buffer.concat(chunks)), () => undefined));
    }
  });
  parser.on("filesLimit", () => fail(new AppError(`At most ${limits.maxFiles} files per request.`, 413, { files: [`At most ${limits.maxFiles} files per request.`] })));
  parser.on("fieldsLimit", () => fail(new AppError(`At most ${limits.maxFields} fields per request.`, 413)));
  // busboy refuses a part header with a NUL or control character without saying whose: the part is
  // named from the bytes just received, where that header is.
  let recent = Buffer.alloc(0);
  parser.on("error", (error: Error) => {
    const field = /Malformed part header/.test(error.message) ? lastPartName(recent) : null;
    if (!field) return fail(new ValidationError(`The multipart body could not be read (${error.message}).`));
    const message = `The headers of part ${field} could not be read: its name or file name holds a NUL or control character.`;
    fail(new ValidationError(message, { [field]: [message] }));
  });
  // Settles on success or failure alike: `failure` says which.
  const finished = new Promise<void>((resolve) => {
    parser.once("close", resolve);
    parser.once("error", () => resolve());
  });
  const drained = () => Promise.race([new Promise<void>((resolve) => parser.once("drain", resolve)), finished]);

  try {
    for await (const chunk of countedChunks(req, limits.maxRequestBytes)) {
      if (failure) break;
      recent = Buffer.concat([recent.subarray(-RECENT_BYTES), chunk]).subarray(-2 * RECENT_BYTES);
      if (!parser.write(chunk)) await drained();
    }
    if (!failure) {
      parser.end();
      await finished;
    }
    if (!failure) await Promise.all(pending);
    if (failure) throw failure;
    return { fields, files, cleanup };
  } catch (error) {
    parser.destroy();
    await cleanup();
    if (error instanceof AppError) throw error;
    throw new ValidationError(`The multipart body could not be read (${error instanceof Error ? error.message : String(error)}).`);
  }
}

const RECENT_BYTES = 16 * 1024;

function lastPartName(recent: Buffer): string | null {
  const names = [...recent.toString("latin1").matchAll(/Content-Disposition:[^\r\n]*?\bname="([^"\r\n]{1,200})"/gi)];
  const name = names.at(-1)?.[1];
  return name ? Buffer.from(name, "latin1").toString("utf8").replaceAll("\u0000", "") : null;
}
