import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { ZipFile } from "yazl";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { findHoldsOfReference } from "@/lib/data-protection/legal-holds";
import { mediaTombstoneJson } from "@/lib/data-protection/media-tombstone";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { getBlob } from "@/lib/media/blob-store";
import { IMAGE_TYPES, VIDEO_TYPES, isImageMime, isVideoMime } from "@/lib/media/media-types";

// Subject access request (GDPR Art. 15): a zip of everything Verdict holds about a reference —
// subject.json (verifications, media facts, vendor results, cases, decisions, comments, holds),
// access-log.json (who viewed their faces, and every audit event about them) and the media files.
// Streamed: the JSON is built in memory (rows, not bytes), each media file is read only when the
// zip reaches it, so memory holds one file at a time whatever the total size.

export const EXPORT_ROLES: readonly Role[] = ["admin", "reviewer"];

function extensionOf(mime: string) {
  if (isImageMime(mime)) return IMAGE_TYPES[mime];
  if (isVideoMime(mime)) return VIDEO_TYPES[mime];
  return "bin";
}

/** Who may export this reference: admins and reviewers; a reference on legal hold only admins. */
export async function assertMayExport(reference: string, role: Role) {
  if (!EXPORT_ROLES.includes(role)) throw new ForbiddenError("Exporting a subject needs the admin or reviewer role.");
  const holds = await findHoldsOfReference(reference);
  if (holds.length && role !== "admin") {
    throw new ForbiddenError(`The reference "${reference}" is under legal hold (${holds.map((h) => h.reason).join("; ")}): only an admin may export it.`);
  }
  return holds;
}

export async function buildSubjectExport(reference: string) {
  const verifications = await db.verification.findMany({
    where: { reference },
    orderBy: { createdAt: "asc" },
    include: {
      media: { include: { purgePolicy: { select: { name: true } } }, orderBy: { role: "asc" } },
      runs: { orderBy: [{ vendor: "asc" }, { attempt: "asc" }] },
      cases: { include: { decisions: { include: { decidedBy: { select: { email: true } } } }, comments: { include: { author: { select: { email: true } } } } } },
      createdBy: { select: { email: true } },
      apiKey: { select: { name: true } },
    },
  });
  if (verifications.length === 0) throw new NotFoundError(`No verification has the reference "${reference}".`);
  const holds = await findHoldsOfReference(reference);
  const mediaIds = verifications.flatMap((v) => v.media.map((m) => m.id));
  const targets = [...verifications.map((v) => v.id), ...verifications.flatMap((v) => v.cases.map((c) => c.id))];
  const events = await db.auditEvent.findMany({
    where: { OR: [{ targetType: "media", targetId: { in: mediaIds } }, { targetId: { in: targets } }, { targetType: "subject", targetId: reference }] },
    orderBy: { id: "asc" },
    select: { id: true, at: true, actorLabel: true, action: true, targetType: true, targetId: true, before: true, after: true, ip: true },
  });

  const files: Array<{ path: string; sha256: string }> = [];
  const subject = {
    reference,
    holds: holds.map((h) => ({ scope: h.scope, caseId: h.caseId, reason: h.reason, placedAt: h.createdAt, placedBy: h.createdBy })),
    verifications: verifications.map((v) => ({
      id: v.id,
      checkType: v.checkType,
      source: v.source,
      status: v.status,
      createdAt: v.createdAt,
      completedAt: v.completedAt,
      createdBy: v.createdBy?.email ?? (v.apiKey ? `api-key:${v.apiKey.name}` : null),
      note: v.note,
      manualReviewNote: v.manualReviewNote,
      erased: v.erasedAt ? { at: v.erasedAt, by: v.erasedBy, reason: v.eraseReason } : null,
      media: v.media.map((m) => {
        const path = m.sha256 && !m.purgedAt ? `media/${v.id}/${m.role}.${extensionOf(m.mime)}` : null;
        if (path && m.sha256) files.push({ path, sha256: m.sha256 });
        return { id: m.id, role: m.role, mime: m.mime, size: m.size, width: m.width, height: m.height, durationMs: m.durationMs, originalFilename: m.originalFilename, file: path, purged: mediaTombstoneJson(m) };
      }),
      vendorRuns: v.runs.map((r) => ({
        vendor: r.vendor, attempt: r.attempt, status: r.status, outcome: r.outcome, vendorVerdict: r.vendorVerdict, livenessScore: r.livenessScore,
        matchSimilarity: r.matchSimilarity, httpStatus: r.httpStatus, requestedAt: r.requestedAt, finishedAt: r.finishedAt, normalized: r.normalized, raw: r.raw,
      })),
      cases: v.cases.map((c) => ({
        id: c.id, status: c.status, rules: c.rules, ruleDetails: c.ruleDetails, openedAt: c.openedAt, decision: c.decision, decidedAt: c.decidedAt,
        decisions: c.decisions.map((d) => ({ kind: d.kind, reasonCode: d.reasonCode, comment: d.comment, overridesVendor: d.overridesVendor, by: d.decidedBy.email, at: d.createdAt, confirmedAt: d.confirmedAt })),
        comments: c.comments.map((cm) => ({ by: cm.author.email, at: cm.createdAt, body: cm.body })),
      })),
    })),
  };
  const accessLog = {
    faceViews: events.filter((e) => e.action === "media.viewed").map((e) => ({ at: e.at, by: e.actorLabel, mediaId: e.targetId, ip: e.ip, details: e.after })),
    events: events.map((e) => ({ id: e.id.toString(), at: e.at, by: e.actorLabel, action: e.action, targetType: e.targetType, targetId: e.targetId, before: e.before, after: e.after })),
  };
  return { subject, accessLog, files, counts: { verifications: verifications.length, files: files.length, events: events.length } };
}

/**
 * The zip as a web stream, after the export was written to the audit log. Media files are read
 * one at a time as the zip is consumed.
 */
export async function streamSubjectExport(actor: Actor, role: Role, reference: string): Promise<ReadableStream<Uint8Array>> {
  await assertMayExport(reference, role);
  const content = await buildSubjectExport(reference);
  await recordAuditEvent(db, actor, { action: "subject.exported", targetType: "subject", targetId: reference, after: { ...content.counts } });

  const zip = new ZipFile();
  const exportedAt = new Date().toISOString();
  zip.addBuffer(
    Buffer.from(
      `Verdict subject export\nReference: ${reference}\nExported: ${exportedAt}\n\nsubject.json: verifications, media facts, vendor results, review cases, decisions, comments, legal holds.\n` +
        `access-log.json: who viewed these faces (faceViews) and every audit event about these verifications, their media and cases.\n` +
        `media/: the original files Verdict still holds (purged or erased media are listed in subject.json with when and why).\n`,
    ),
    "README.txt",
  );
  zip.addBuffer(Buffer.from(JSON.stringify({ exportedAt, ...content.subject }, null, 2)), "subject.json");
  zip.addBuffer(Buffer.from(JSON.stringify(content.accessLog, null, 2)), "access-log.json");
  for (const file of content.files) {
    zip.addReadStreamLazy(file.path, (callback) => {
      getBlob(file.sha256)
        .then((blob) => {
          if (!blob) return callback(new Error(`the bytes of ${file.path} are missing`), Readable.from([]));
          const body = blob.body;
          callback(null, body instanceof Uint8Array ? Readable.from([Buffer.from(body)]) : Readable.fromWeb(body as WebReadableStream<Uint8Array>));
        })
        .catch((error: unknown) => callback(error, Readable.from([])));
    });
  }
  zip.end();
  return Readable.toWeb(zip.outputStream as Readable) as ReadableStream<Uint8Array>;
}
