// Where blob bytes live when they are not in PostgreSQL: an S3-compatible bucket in production,
// an in-memory map in tests. Keys are `blobs/<sha256>`.
export interface ByteRange {
  // Inclusive, like HTTP ranges.
  start: number;
  end: number;
}

export interface StoredObject {
  key: string;
  lastModified: Date;
}

export interface ObjectStore {
  readonly description: string;
  putObject(key: string, bytes: Uint8Array, mime: string): Promise<void>;
  // null when the object is missing.
  getObject(key: string, range?: ByteRange): Promise<ReadableStream<Uint8Array> | null>;
  // The whole object in memory (vendor calls, thumbnails); null when the object is missing.
  getObjectBytes(key: string): Promise<Uint8Array | null>;
  listObjects(prefix: string): AsyncIterable<StoredObject>;
  deleteObject(key: string): Promise<void>;
}

export const BLOB_KEY_PREFIX = "blobs/";

export function blobObjectKey(sha256: string) {
  return `${BLOB_KEY_PREFIX}${sha256}`;
}
