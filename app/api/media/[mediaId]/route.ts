import { getMedia } from "@/lib/api/operations/media-operations";
import { operationRoute } from "@/lib/api/operation-route";
import { serveOriginalMedia } from "@/lib/media/serve-media";

export const dynamic = "force-dynamic";

// GET /api/media/{mediaId} (getMedia) — the full-size original. Not for viewers; API keys may fetch
// media (the customer's backend). Every view is audited (media.viewed).
export const GET = operationRoute(getMedia, async (req, { principal, params }) => {
  return serveOriginalMedia(req, params.mediaId, { actor: principal.actor, role: principal.role });
});
