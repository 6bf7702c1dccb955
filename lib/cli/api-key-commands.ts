import type { Command } from "commander";
import { apiKeyIdSchema, apiKeyNameSchema } from "@/lib/api-keys/api-key-schemas";
import { createApiKey, findActiveApiKeyIdByName, listApiKeys, revokeApiKey } from "@/lib/api-keys/manage-api-keys";
import type { Actor } from "@/lib/audit/record-audit-event";
import { ValidationError } from "@/lib/errors";
import { roleSchema } from "@/lib/users/user-schemas";
import { parseOption } from "@/lib/cli/parse-option";
import { readEnv } from "@/lib/config/env";

// The CLI acts as "cli:<os user>" in the audit log, through the same functions as the admin page.
const cliActor: Actor = { kind: "cli", label: readEnv().SUDO_USER || readEnv().USER };

export function registerApiKeyCommands(program: Command) {
  const apiKey = program.command("api-key").description("manage API keys for the REST API");

  apiKey
    .command("create")
    .description("create an API key and print it, alone, on stdout (shown only this once)")
    .requiredOption("--name <name>", "a name that says who uses the key, e.g. the calling service")
    .requiredOption("--role <role>", "admin | reviewer | operator | viewer")
    .action(async (opts: { name: string; role: string }) => {
      const { apiKey: created, key } = await createApiKey(cliActor, {
        name: parseOption("--name", apiKeyNameSchema, opts.name),
        role: parseOption("--role", roleSchema, opts.role),
      });
      // stdout carries the key alone, so `KEY=$(npm run -s cli -- api-key create …)` works.
      console.error(`created API key "${created.name}" (${created.role}), id ${created.id}; it is shown only now:`);
      console.log(key);
    });

  apiKey
    .command("revoke")
    .description("revoke an API key: requests with it are refused from now on")
    .option("--id <id>", "the key's id")
    .option("--name <name>", "the name of an active key")
    .action(async (opts: { id?: string; name?: string }) => {
      if (Boolean(opts.id) === Boolean(opts.name)) throw new ValidationError("Give either --id or --name.");
      const id = opts.id
        ? parseOption("--id", apiKeyIdSchema, opts.id)
        : await findActiveApiKeyIdByName(parseOption("--name", apiKeyNameSchema, opts.name));
      const revoked = await revokeApiKey(cliActor, id);
      console.log(`revoked API key "${revoked.name}" (${revoked.prefix}…)`);
    });

  apiKey
    .command("list")
    .description("list API keys (never the keys themselves)")
    .action(async () => {
      for (const k of await listApiKeys()) {
        const status = k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : "active";
        const lastUsed = k.lastUsedAt ? k.lastUsedAt.toISOString() : "never used";
        console.log([k.id, k.name, `${k.prefix}…`, k.role, status, lastUsed, k.createdBy?.email ?? "cli"].join("\t"));
      }
    });
}
