import { apiRoute } from "@/lib/http/api-route";
import { mediaParamsSchema, serveOriginalMedia } from "@/lib/media/serve-media";

export const dynamic = "force-dynamic";

// The full-size original. Not for viewers; API keys may fetch media (the customer's backend).
// Every view is audited (media.viewed).
export const GET = apiRoute<{ mediaId: string }>({ roles: ["admin", "reviewer", "operator"], apiKeys: true }, async (req, { principal, params }) => {
  const { mediaId } = mediaParamsSchema.parse(params);
  return serveOriginalMedia(req, mediaId, { actor: principal.actor, role: principal.role });
});
