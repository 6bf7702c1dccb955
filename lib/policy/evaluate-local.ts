import { mediaKey, type EngineReading, type ReadingFace, type ReadingMedia } from "@/lib/face-engine/engine-reading";
import { findQualityProblems, isFrontal, poseFitsRole, type AngleRole, type PoseThresholds, type QualityCode, type QualityThresholds } from "@/lib/face-engine/face-quality";
import { classifySimilarity, type PolicyDecision } from "@/lib/policy/apply-policy";
import type { PolicyOfKind } from "@/lib/policy/policy-schemas";
import type { LocalFacts } from "@/lib/policy/vendor-facts";
import { localReasons, localQualityReason } from "@/lib/vendors/local/local-reasons";
import { buildReason, type ReasonTemplate } from "@/lib/vendors/reasons";
import type { FaceMatchBand, Reason } from "@/lib/vendors/types";

// Verdict's decision on its own engine's reading. Pure: the same reading and policy give the same
// outcome, so a policy change (what-if, reruns) re-decides from the stored raw answer.

type Verdict = "pass" | "review" | "fail";
const rank: Record<Verdict, number> = { pass: 0, review: 1, fail: 2 };
const worse = (a: Verdict, b: Verdict): Verdict => (rank[a] >= rank[b] ? a : b);

/** A second face counts when it is at least this share of the largest face's size (neighbours far behind do not). */
const OTHER_FACE_MIN_SHARE = 0.5;

const ROLE_NAMES: Record<string, string> = {
  image1: "image 1", image2: "image 2", selfie: "the selfie", portrait_left: "the left portrait", portrait_mid: "the middle portrait",
  portrait_right: "the right portrait", video: "the video", id_image: "the ID image",
};
export const roleName = (role: string) => ROLE_NAMES[role] ?? role;
const where = (m: ReadingMedia) => (m.frameMs === null ? roleName(m.role) : `${roleName(m.role)} at ${(m.frameMs / 1000).toFixed(1)} s`);

class Collector {
  verdict: Verdict = "pass";
  readonly reasons: Reason[] = [];
  add(template: ReasonTemplate, media: ReadingMedia | null, detail: string, verdict: Verdict) {
    const vendorCode = media ? `${mediaKey(media)}:${template.code}` : template.code;
    if (!this.reasons.some((r) => r.vendorCode === vendorCode)) this.reasons.push(buildReason(template, vendorCode, detail));
    this.verdict = worse(this.verdict, verdict);
  }
}

export function countFaces(media: ReadingMedia): number {
  const largest = media.faces[0];
  if (!largest) return 0;
  const side = Math.min(largest.box[2], largest.box[3]);
  return media.faces.filter((f) => Math.min(f.box[2], f.box[3]) >= side * OTHER_FACE_MIN_SHARE).length;
}

/** One face or a reason: no face / unreadable (fail), several faces (fail, or a warning when `severalIsWarning`). */
function oneFaceOf(media: ReadingMedia, out: Collector, severalIsWarning: boolean): ReadingFace | null {
  if (media.error) {
    out.add(localReasons.unreadable, media, `${where(media)}: ${media.error}`, "fail");
    return null;
  }
  const face = media.faces[0];
  if (!face) {
    out.add(localReasons.noFace, media, `No face found in ${where(media)}`, "fail");
    return null;
  }
  const count = countFaces(media);
  if (count > 1) {
    if (severalIsWarning) out.add(localReasons.multipleFacesWarning, media, `${count} faces in ${where(media)}; the largest was used`, "pass");
    else out.add(localReasons.multipleFaces, media, `${count} faces in ${where(media)}; exactly one is required`, "fail");
  }
  return face;
}

function checkQuality(face: ReadingFace, media: ReadingMedia, t: QualityThresholds, out: Collector, asWarning: boolean) {
  for (const code of findQualityProblems(face.quality, t)) {
    out.add(localQualityReason(code, asWarning), media, `${where(media)}: ${describeQuality(code, face, t)}`, asWarning ? "pass" : "fail");
  }
}

export function describeQuality(code: QualityCode, face: ReadingFace, t: QualityThresholds): string {
  const q = face.quality;
  switch (code) {
    case "face_too_small":
      return `the face is ${q.faceSizePx} px, at least ${t.minFaceSizePx} px are needed`;
    case "blurry":
      return `the face is blurry (sharpness ${q.sharpness.toFixed(0)}, at least ${t.minSharpness})`;
    case "too_dark":
      return `the face is too dark (brightness ${q.brightness.toFixed(0)} of 255, at least ${t.minBrightness})`;
    case "too_bright":
      return `the face is too bright (brightness ${q.brightness.toFixed(0)} of 255, at most ${t.maxBrightness})`;
    case "face_cut_off":
      return `the face is cut off at the picture's edge (${(q.cutOffFraction * 100).toFixed(0)} % outside)`;
  }
}

function similarityBetween(reading: EngineReading, a: string, b: string): number | null {
  return reading.comparisons.find((c) => (c.a === a && c.b === b) || (c.a === b && c.b === a))?.similarity ?? null;
}

const bandVerdict: Record<FaceMatchBand, Verdict> = { match: "pass", borderline: "review", no_match: "fail" };

function judgeMatch(similarity: number, matchAbove: number, borderlineFrom: number, label: string, out: Collector): FaceMatchBand {
  const band = classifySimilarity(similarity, matchAbove, borderlineFrom);
  if (band === "borderline") out.add(localReasons.matchBorderline, null, `${label}: similarity ${similarity.toFixed(3)} is in the review band ${borderlineFrom}–${matchAbove}`, "review");
  if (band === "no_match") out.add(localReasons.differentPerson, null, `${label}: similarity ${similarity.toFixed(3)} is below ${borderlineFrom}`, "fail");
  return band;
}

function mediaOf(reading: EngineReading, role: string): ReadingMedia | null {
  return reading.media.find((m) => m.role === role && m.frameMs === null) ?? null;
}

function missing(role: string, out: Collector) {
  out.add(localReasons.missingMedia, null, `Missing media: ${role}`, "fail");
}

function livenessAdvice(scores: number[], threshold: number, out: Collector): { isLive: boolean; score: number | null } {
  if (scores.length === 0) return { isLive: false, score: null };
  const score = scores.reduce((s, v) => s + v, 0) / scores.length;
  if (score < threshold) out.add(localReasons.livenessLow, null, `The models' liveness score ${score.toFixed(3)} is below ${threshold}: a person looks (single-photo liveness is weak)`, "review");
  else out.add(localReasons.livenessAdvisory, null, `Liveness score ${score.toFixed(3)}: advisory only, the open models are weak at telling a live face from a photo or screen`, "pass");
  return { isLive: score >= threshold, score: Math.round(score * 1000) / 1000 };
}

function decideFaceMatch(reading: EngineReading, policy: PolicyOfKind<"local.face_match">): PolicyDecision {
  const out = new Collector();
  const a = mediaOf(reading, "image1") ?? mediaOf(reading, "id_image");
  const b = mediaOf(reading, "image2");
  if (!a) missing("image1", out);
  if (!b) missing("image2", out);
  const faces = [a, b].map((m) => (m ? oneFaceOf(m, out, true) : null));
  faces.forEach((face, i) => {
    const m = [a, b][i];
    if (face && m) checkQuality(face, m, policy.quality, out, true);
  });
  const similarity = a && b && faces[0] && faces[1] ? similarityBetween(reading, mediaKey(a), mediaKey(b)) : null;
  if (similarity === null) return { outcome: out.verdict === "pass" ? "fail" : out.verdict, reasons: out.reasons, policyVersion: policy.version };
  const band = judgeMatch(similarity, policy.matchAbove, policy.borderlineFrom, "Image 1 and image 2", out);
  out.verdict = worse(out.verdict, bandVerdict[band]);
  return { outcome: out.verdict, faceMatch: { similarity, isMatch: band === "match", band }, reasons: out.reasons, policyVersion: policy.version };
}

function decideSelfie(reading: EngineReading, policy: PolicyOfKind<"local.liveness_selfie">): PolicyDecision {
  const out = new Collector();
  const media = mediaOf(reading, "selfie");
  if (!media) missing("selfie", out);
  const face = media ? oneFaceOf(media, out, false) : null;
  if (!media || !face) return { outcome: "fail", reasons: out.reasons, policyVersion: policy.version };
  checkQuality(face, media, policy.quality, out, false);
  if (!isFrontal(face.pose, policy.pose)) {
    out.add(localReasons.notFrontal, media, `${where(media)}: the head is turned (yaw ${face.pose.yaw.toFixed(0)}°, pitch ${face.pose.pitch.toFixed(0)}°); face the camera`, "fail");
  }
  if (out.verdict === "fail") return { outcome: "fail", reasons: out.reasons, policyVersion: policy.version };
  const live = livenessAdvice(face.liveness === null ? [] : [face.liveness], policy.livenessThreshold, out);
  return {
    outcome: out.verdict,
    liveness: { isLive: live.isLive, score: live.score, spoofProb: face.antispoof === null ? null : Math.round((1 - face.antispoof) * 1000) / 1000 },
    reasons: out.reasons,
    policyVersion: policy.version,
  };
}

function decide3Angle(reading: EngineReading, policy: PolicyOfKind<"local.liveness_3angle">): PolicyDecision {
  const out = new Collector();
  const roles: Array<[string, AngleRole]> = [["portrait_left", "left"], ["portrait_mid", "mid"], ["portrait_right", "right"]];
  const found = roles.map(([role, angle]) => {
    const media = mediaOf(reading, role);
    if (!media) {
      missing(role, out);
      return null;
    }
    const face = oneFaceOf(media, out, false);
    if (!face) return null;
    checkQuality(face, media, policy.quality, out, false);
    if (!poseFitsRole(face.pose, angle, policy.pose)) {
      const want = angle === "mid" ? "facing the camera" : `turned to the person's ${angle}`;
      out.add(localReasons.poseMismatch, media, `${where(media)} should show the head ${want}; its yaw is ${face.pose.yaw.toFixed(0)}° (${describeYaw(face.pose.yaw, policy.pose)})`, "fail");
    }
    return media;
  });
  const [left, mid, right] = found;
  const pairs = mid ? [left, right].filter((m): m is ReadingMedia => m !== null && m.faces.length > 0) : [];
  for (const other of pairs) {
    const similarity = similarityBetween(reading, mediaKey(mid!), mediaKey(other));
    if (similarity !== null) judgeMatch(similarity, policy.samePersonAbove, policy.samePersonBorderlineFrom, `The middle and ${roleName(other.role).replace("the ", "")}`, out);
  }
  return { outcome: out.verdict, liveness: { isLive: out.verdict === "pass", score: null }, reasons: out.reasons, policyVersion: policy.version };
}

function describeYaw(yaw: number, t: PoseThresholds): string {
  if (Math.abs(yaw) <= t.maxFrontalYawDeg) return "facing the camera";
  return yaw > 0 ? "turned to the person's left" : "turned to the person's right";
}

function decideVideo(reading: EngineReading, policy: PolicyOfKind<"local.liveness_video">): PolicyDecision {
  const out = new Collector();
  const frames = reading.media.filter((m) => m.role === "video");
  if (frames.length === 0) missing("video", out);
  const unreadable = frames.find((f) => f.error);
  if (unreadable) {
    out.add(localReasons.unreadable, unreadable, `${roleName("video")}: ${unreadable.error}`, "fail");
    return { outcome: "fail", reasons: out.reasons, policyVersion: policy.version };
  }
  const withOneFace = frames.filter((f) => countFaces(f) === 1);
  const withSeveral = frames.filter((f) => countFaces(f) > 1);
  const share = frames.length ? withOneFace.length / frames.length : 0;
  const video = frames[0] ? { ...frames[0], frameMs: null } : null;
  if (withSeveral.length > frames.length / 2) out.add(localReasons.multipleFaces, video, `Several faces in ${withSeveral.length} of ${frames.length} sampled frames`, "fail");
  else if (share < policy.minFaceFrameShare) {
    out.add(localReasons.noFace, video, `One face in only ${withOneFace.length} of ${frames.length} sampled frames (at least ${Math.ceil(policy.minFaceFrameShare * frames.length)} needed)`, "fail");
  }
  // A quality problem counts when most frames with a face have it.
  const faceFrames = frames.filter((f) => f.faces.length > 0);
  const counts = new Map<QualityCode, number>();
  for (const f of faceFrames) for (const code of findQualityProblems(f.faces[0].quality, policy.quality)) counts.set(code, (counts.get(code) ?? 0) + 1);
  for (const [code, n] of counts) {
    if (n > faceFrames.length / 2) out.add(localQualityReason(code, false), video, `${roleName("video")}: ${describeQuality(code, faceFrames.find((f) => findQualityProblems(f.faces[0].quality, policy.quality).includes(code))!.faces[0], policy.quality)} in ${n} of ${faceFrames.length} frames`, "fail");
  }
  const first = faceFrames[0];
  const sims = first ? faceFrames.slice(1).map((f) => similarityBetween(reading, mediaKey(first), mediaKey(f))).filter((s): s is number => s !== null) : [];
  const lowest = sims.length ? Math.min(...sims) : null;
  if (lowest !== null && lowest <= policy.samePersonAbove) {
    out.add(localReasons.differentPerson, video, `The face changes during the video: similarity between frames down to ${lowest.toFixed(3)} (same person above ${policy.samePersonAbove})`, "fail");
  }
  let faceMatch: PolicyDecision["faceMatch"];
  const id = mediaOf(reading, "id_image");
  if (id) {
    const idFace = oneFaceOf(id, out, true);
    const comparison = idFace ? reading.comparisons.find((c) => c.a === mediaKey(id)) : undefined;
    if (comparison) {
      const band = judgeMatch(comparison.similarity, policy.matchAbove, policy.borderlineFrom, "The ID image and the video", out);
      faceMatch = { similarity: comparison.similarity, isMatch: band === "match", band };
    }
  }
  if (out.verdict === "fail") return { outcome: "fail", ...(faceMatch ? { faceMatch } : {}), reasons: out.reasons, policyVersion: policy.version };
  const live = livenessAdvice(faceFrames.map((f) => f.faces[0].liveness).filter((v): v is number => v !== null), policy.livenessThreshold, out);
  return { outcome: out.verdict, liveness: { isLive: live.isLive, score: live.score }, ...(faceMatch ? { faceMatch } : {}), reasons: out.reasons, policyVersion: policy.version };
}

export function evaluateLocal(facts: LocalFacts, policy: PolicyOfKind<"local.face_match" | "local.liveness_selfie" | "local.liveness_3angle" | "local.liveness_video">): PolicyDecision {
  switch (policy.kind) {
    case "local.face_match":
      return decideFaceMatch(facts.reading, policy);
    case "local.liveness_selfie":
      return decideSelfie(facts.reading, policy);
    case "local.liveness_3angle":
      return decide3Angle(facts.reading, policy);
    case "local.liveness_video":
      return decideVideo(facts.reading, policy);
  }
}
