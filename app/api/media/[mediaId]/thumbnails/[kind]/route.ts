import { apiRoute } from "@/lib/http/api-route";
import { serveThumbnail, thumbnailParamsSchema, thumbnailQuerySchema } from "@/lib/media/serve-media";

export const dynamic = "force-dynamic";

// Thumbnails: list-size ones (thumb, filmstrip) for every signed-in role; previews and posters for
// reviewers, operators and admins only, each view audited (lib/media/media-access.ts).
// 404 (a problem document) until the job has made them.
export const GET = apiRoute<{ mediaId: string; kind: string }>({ roles: [] }, async (req, { params, principal }) => {
  const { mediaId, kind } = thumbnailParamsSchema.parse(params);
  const { position } = thumbnailQuerySchema.parse({ position: req.nextUrl.searchParams.get("position") ?? undefined });
  return serveThumbnail(mediaId, kind, position, { actor: principal.actor, role: principal.role });
});
