import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One Prisma client per process. Secret columns are omitted by default so a password hash or
// an encrypted vendor secret never leaves a query by accident; ask for them with `omit: { x: false }`.
function createClient() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }),
    omit: {
      user: { passwordHash: true },
      vendorConfig: { credentialsEncrypted: true },
      webhook: { secretEncrypted: true },
      // Bytes are read only where they are served; lists never load them by accident.
      blob: { data: true },
      thumbnail: { data: true },
    },
  });
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { verdictDb?: Db };

export const db: Db = new Proxy({} as Db, {
  // Created on first use, so importing this module never needs DATABASE_URL (e.g. at build time).
  get(_target, property, receiver) {
    globalForDb.verdictDb ??= createClient();
    return Reflect.get(globalForDb.verdictDb, property, receiver);
  },
});

export async function disconnectDb() {
  await globalForDb.verdictDb?.$disconnect();
  globalForDb.verdictDb = undefined;
}
