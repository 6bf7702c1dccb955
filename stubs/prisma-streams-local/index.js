// Verdict runs on Node 20, where the real package cannot load (it needs node:sqlite, Node >= 22).
// Only `prisma dev` (Prisma's local development server) imports it, and Verdict does not use it.
export async function startLocalDurableStreamsServer() {
  throw new Error("`prisma dev` is not available in Verdict: @prisma/streams-local is replaced by a stub (it needs Node 22). Use `npm start`.");
}
