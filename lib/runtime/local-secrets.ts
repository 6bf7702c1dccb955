import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

// Secrets generated once for a default install and kept under the data directory (mode 0600).
// Production sets NEXTAUTH_SECRET and VERDICT_MASTER_KEY in the environment instead.
const secretsSchema = z.object({
  nextauthSecret: z.string().min(32),
  masterKey: z.string().min(32),
  postgresPassword: z.string().min(16),
});

export type LocalSecrets = z.infer<typeof secretsSchema>;

export function loadOrCreateLocalSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, "secrets.json");
  if (existsSync(file)) {
    const parsed = secretsSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (!parsed.success) throw new Error(`${file} is damaged; restore it from a backup (it holds the key to encrypted vendor secrets).`);
    return parsed.data;
  }
  const secrets: LocalSecrets = {
    nextauthSecret: randomBytes(32).toString("base64url"),
    masterKey: randomBytes(32).toString("base64"),
    postgresPassword: randomBytes(18).toString("base64url"),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
