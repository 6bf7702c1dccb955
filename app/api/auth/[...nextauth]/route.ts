import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { getAuthOptions } from "@/auth";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(req: NextRequest, context: Context): Promise<Response> {
  // next-auth v4 types its route handler loosely; in the App Router it answers a Response.
  const response: unknown = await NextAuth(req, { params: await context.params }, getAuthOptions());
  return response as Response;
}

export { handler as GET, handler as POST };
