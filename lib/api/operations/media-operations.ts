import { z } from "zod";
import { defineOperation } from "@/lib/api/define-operation";
import { mediaParamsSchema } from "@/lib/media/serve-media";

// The original media files (outside /api/v1: the console's pages use the same address).

const file = z.string().meta({ format: "binary" });

export const getMedia = defineOperation({
  operationId: "getMedia",
  method: "get",
  path: "/api/media/{mediaId}",
  tag: "media",
  summary: "The original media file (audited: media.viewed)",
  description: "Byte ranges are served (`Range: bytes=…`). Not for viewers.",
  access: { roles: ["admin", "reviewer", "operator"], apiKeys: true },
  // A malformed id is a 400 naming the parameter, not a 404.
  pathParams: mediaParamsSchema,
  headers: z.object({ Range: z.string().optional().meta({ description: "One byte range, e.g. bytes=0-1023." }) }),
  responses: {
    200: { description: "The file.", content: { "image/*": { schema: file }, "video/*": { schema: file } } },
    206: { description: "The requested byte range.", content: { "image/*": { schema: file }, "video/*": { schema: file } } },
    416: { description: "The range lies outside the file (`Content-Range: bytes */size`); no body." },
  },
  problems: ["invalid_request", "not_found", "gone"],
});
