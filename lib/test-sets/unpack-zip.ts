import yauzl from "yauzl";
import { ValidationError } from "@/lib/errors";

// Reads a .zip of test media in memory, with zip-bomb guards: a cap on the number of entries, on
// each entry's size and on the total uncompressed size. The sizes are checked from the central
// directory before anything is inflated, and yauzl (validateEntrySizes) fails any entry whose
// inflated bytes exceed what the directory declared, so a lying header cannot get past the caps.

export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 2000, maxEntryBytes: 50 * 1024 * 1024, maxTotalBytes: 512 * 1024 * 1024 };

export interface UnzippedFile {
  /** Path inside the zip, with forward slashes. */
  name: string;
  bytes: Buffer;
}

// Folders, macOS resource forks and hidden files are not media.
function isIgnored(name: string): boolean {
  return name.endsWith("/") || name.startsWith("__MACOSX/") || name.split("/").some((part) => part.startsWith("."));
}

export async function unpackZip(bytes: Buffer, zipName: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<UnzippedFile[]> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true }, (error, file) => (error ? reject(error) : resolve(file))),
  ).catch((error: unknown) => {
    throw new ValidationError(`${zipName} is not a readable zip file (${error instanceof Error ? error.message : String(error)}).`, { files: [`${zipName}: not a readable zip.`] });
  });
  const refuse = (message: string) => {
    zip.close();
    return new ValidationError(`${zipName}: ${message}`, { files: [`${zipName}: ${message}`] });
  };
  if (zip.entryCount > limits.maxEntries) throw refuse(`it holds ${zip.entryCount} entries; at most ${limits.maxEntries} are accepted.`);

  return new Promise<UnzippedFile[]>((resolve, reject) => {
    const files: UnzippedFile[] = [];
    let declaredTotal = 0;
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      zip.close();
      reject(error);
    };
    zip.on("error", (error: Error) => fail(refuse(`could not be read (${error.message}).`)));
    zip.on("end", () => {
      if (settled) return;
      settled = true;
      resolve(files);
    });
    zip.on("entry", (entry: yauzl.Entry) => {
      if (isIgnored(entry.fileName)) return zip.readEntry();
      if (entry.uncompressedSize > limits.maxEntryBytes) return fail(refuse(`${entry.fileName} is ${entry.uncompressedSize} bytes uncompressed; at most ${limits.maxEntryBytes} per file.`));
      declaredTotal += entry.uncompressedSize;
      if (declaredTotal > limits.maxTotalBytes) return fail(refuse(`it expands to more than ${limits.maxTotalBytes} bytes; split it into smaller zips.`));
      zip.openReadStream(entry, (error, stream) => {
        if (error) return fail(refuse(`${entry.fileName} could not be read (${error.message}).`));
        const chunks: Buffer[] = [];
        let read = 0;
        stream.on("data", (chunk: Buffer) => {
          read += chunk.length;
          // Belt and braces next to validateEntrySizes: never hold more than the entry's cap.
          if (read > limits.maxEntryBytes) {
            stream.destroy();
            fail(refuse(`${entry.fileName} expands beyond ${limits.maxEntryBytes} bytes.`));
            return;
          }
          chunks.push(chunk);
        });
        stream.on("error", (streamError: Error) => fail(refuse(`${entry.fileName} is damaged (${streamError.message}).`)));
        stream.on("end", () => {
          files.push({ name: entry.fileName, bytes: Buffer.concat(chunks) });
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
}

export function isZip(name: string, bytes: Uint8Array): boolean {
  return name.toLowerCase().endsWith(".zip") || (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04);
}
