import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { searchFacesFromUpload } from "@/lib/face-search/search-uploaded-picture";
import { FACE_VIEWER_ROLES } from "@/lib/media/media-access";

export const dynamic = "force-dynamic";

// POST /api/face-search (multipart: `picture`, optional `face`): 1:N face search from an uploaded
// picture, for the console's "Search by face" page (session only). The picture is never stored;
// the search is audited (lib/face-search/search-uploaded-picture.ts).
export const POST = apiRoute({ roles: FACE_VIEWER_ROLES }, async (req, { principal }) => {
  const result = await searchFacesFromUpload(req, { role: principal.role, actor: principal.actor });
  return NextResponse.json(result);
});
