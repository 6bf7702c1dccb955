import { ValidationError } from "@/lib/errors";
import { inspectMedia, type MediaFacts } from "@/lib/media/inspect-media";
import { checkMediaLimits } from "@/lib/vendors/check-media-limits";
import type { MediaInput, MediaRole } from "@/lib/vendors/types";
import { mediaRolesFor, vendorsNeedingRole } from "@/lib/verifications/media-requirements";
import type { IncomingFile, VerificationRequest } from "@/lib/verifications/verification-input";

export interface CheckedFile {
  role: MediaRole;
  bytes: Buffer;
  originalFilename: string;
  facts: MediaFacts;
  /** What vendors receive: the role and the sniffed extension, never the client's filename. */
  vendorFilename: string;
}

export interface CheckedFiles {
  files: CheckedFile[];
  warnings: string[];
}

// The server is the authority on files: which roles the chosen vendors need, the real type read
// from the bytes, and each vendor's documented limits. All problems are reported at once, keyed
// by role, so a person can fix every file in one go.
//
// With `enforceVendorLimits: false` (results a client already got from the vendor), a broken
// vendor limit is only a warning: the vendor has answered on these files already.
export async function checkIncomingFiles(
  request: VerificationRequest,
  incoming: IncomingFile[],
  options: { enforceVendorLimits?: boolean } = {},
): Promise<CheckedFiles> {
  const enforceVendorLimits = options.enforceVendorLimits ?? true;
  const errors: Record<string, string[]> = {};
  const add = (key: string, message: string) => (errors[key] ??= []).push(message);
  const { required, optional } = mediaRolesFor(request.checkType, request.vendors);
  const accepted = new Set([...required, ...optional]);

  const seen = new Set<MediaRole>();
  for (const file of incoming) {
    if (seen.has(file.role)) add(file.role, `${file.role} was sent more than once.`);
    seen.add(file.role);
    if (!accepted.has(file.role)) {
      add(file.role, `${file.role} is not used by ${request.vendors.join(", ")} for ${request.checkType}; send: ${[...accepted].join(", ")}.`);
    }
  }
  for (const role of required) {
    if (!seen.has(role)) {
      add(role, `${role} is required for ${request.checkType} (needed by ${vendorsNeedingRole(request.checkType, request.vendors, role).join(", ")}).`);
    }
  }
  if (Object.keys(errors).length) throw new ValidationError("Some files are missing or not expected.", errors);

  const files: CheckedFile[] = [];
  for (const file of incoming) {
    try {
      const facts = await inspectMedia(file.bytes, file.role);
      files.push({ role: file.role, bytes: file.bytes, originalFilename: file.filename, facts, vendorFilename: `${file.role}.${facts.ext}` });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      for (const [key, messages] of Object.entries(error.fieldErrors ?? { [file.role]: [error.message] })) messages.forEach((m) => add(key, m));
    }
  }
  if (Object.keys(errors).length) throw new ValidationError("Some files were refused.", errors);

  const media: MediaInput[] = files.map((f) => ({ role: f.role, bytes: f.bytes, mime: f.facts.mime, filename: f.vendorFilename }));
  const warnings: string[] = files.flatMap((f) => (f.facts.warning ? [`${f.role}: ${f.facts.warning}`] : []));
  for (const vendor of request.vendors) {
    const reasons = checkMediaLimits(vendor, request.checkType, media.filter((m) => accepted.has(m.role)));
    for (const reason of reasons) {
      const role = files.find((f) => reason.message.startsWith(`${f.role} `))?.role ?? "files";
      if (reason.severity === "error" && enforceVendorLimits) add(role, `${vendor}: ${reason.message}`);
      else warnings.push(`${vendor}: ${reason.message}`);
    }
  }
  if (Object.keys(errors).length) throw new ValidationError("Some files break a vendor's documented limits.", errors);
  return { files, warnings };
}
