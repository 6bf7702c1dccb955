import { z } from "zod";
import { wireNumber } from "@/lib/vendors/wire-values";

const point = z.object({ x: wireNumber, y: wireNumber });

/** HTTP 200 body (document 004). Numbers arrive as JSON numbers; strings are tolerated. */
export const kairosResponseSchema = z.object({
  api_req_uid: z.string().optional(),
  processed_at: z.string().optional(),
  requested_at: z.string().optional(),
  response_code: wireNumber,
  response_data: z.object({
    faces_liveness: wireNumber,
    faces_predicted: z.array(z.object({ confidence: wireNumber, delta: point.optional(), top_left: point.optional() })),
    img: z.object({ height: wireNumber, width: wireNumber }).optional(),
  }),
});

