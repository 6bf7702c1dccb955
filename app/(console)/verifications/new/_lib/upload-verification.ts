import { z } from "zod";

// POST /api/v1/verifications with XMLHttpRequest: fetch cannot report upload progress.

const acceptedSchema = z.object({ id: z.string().min(1), url: z.string().optional() });
const problemSchema = z.object({
  status: z.number().optional(),
  title: z.string().optional(),
  detail: z.string().optional(),
  errors: z.record(z.string(), z.array(z.string())).optional(),
});

export type UploadResult =
  | { ok: true; id: string }
  | { ok: false; message: string; errors: Record<string, string[]> };

export function uploadVerification(form: FormData, onProgress: (fraction: number) => void): { done: Promise<UploadResult>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadResult>((resolve) => {
    xhr.open("POST", "/api/v1/verifications");
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        const accepted = acceptedSchema.safeParse(body);
        resolve(accepted.success ? { ok: true, id: accepted.data.id } : { ok: false, message: "The server accepted the upload but did not say where it went.", errors: {} });
        return;
      }
      const problem = problemSchema.safeParse(body);
      const p = problem.success ? problem.data : {};
      const message = [p.title, p.detail].filter(Boolean).join(": ") || `The server refused the upload (HTTP ${xhr.status}).`;
      resolve({ ok: false, message, errors: p.errors ?? {} });
    };
    xhr.onerror = () => resolve({ ok: false, message: "The upload failed: the server could not be reached.", errors: {} });
    xhr.onabort = () => resolve({ ok: false, message: "The upload was cancelled.", errors: {} });
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}
