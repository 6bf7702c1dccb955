import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * ffprobe/ffmpeg need a seekable file (an MP4's index may sit at its end), so the bytes go to a
 * private temp directory (mode 0700, a name we chose) that is removed whatever happens.
 */
export async function withTempFile<T>(bytes: Uint8Array, ext: string, use: (filePath: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), "verdict-media-"));
  try {
    const filePath = path.join(dir, `input.${ext.replace(/[^a-z0-9]/gi, "") || "bin"}`);
    await writeFile(filePath, bytes, { mode: 0o600 });
    return await use(filePath);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
