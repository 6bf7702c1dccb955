import { CommanderError, type Command } from "commander";
import { z } from "zod";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { parseOption } from "@/lib/cli/parse-option";
import { DEFAULT_ROLES, setUpDatabaseRoles } from "@/lib/db/database-roles";
import { generatePassword } from "@/lib/auth/passwords";
import { readEnv } from "@/lib/config/env";

const anchorSchema = z.string().regex(/^\d{1,19}:[0-9a-f]{64}$/, "expected <event id>:<64 hex digits>, as `audit verify` prints the head");
const roleNameSchema = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, "lowercase letters, digits and _ only");

export function registerSecurityCommands(program: Command) {
  const audit = program.command("audit").description("the audit log");
  audit
    .command("verify")
    .description("recompute the audit log's hash chain; exits 3 and names the first broken link when an event was deleted or changed")
    .option("--anchor <id:hash>", "an event id and hash noted earlier (the head this command prints) that must still be in the chain")
    .action(async (opts: { anchor?: string }) => {
      const anchorText = opts.anchor ? parseOption("--anchor", anchorSchema, opts.anchor) : undefined;
      const [id, hash] = anchorText ? anchorText.split(":") : [];
      const verdict = await verifyAuditChain({ anchor: id && hash ? { id, hash } : undefined });
      if (!verdict.intact) {
        console.error(`audit chain BROKEN${verdict.brokenAt ? ` at event #${verdict.brokenAt}` : ""}: ${verdict.reason}`);
        if (verdict.lastGoodId) console.error(`intact up to event #${verdict.lastGoodId}`);
        throw new CommanderError(3, "audit.chain_broken", "audit chain broken");
      }
      console.log(`audit chain intact: ${verdict.events} events${verdict.lastId ? `, #${verdict.firstId} to #${verdict.lastId}` : ""}`);
      console.log(`head (keep it elsewhere, and check later with --anchor): ${verdict.lastId ?? 0}:${verdict.headHash}`);
    });

  const database = program.command("db").description("the database");
  database
    .command("roles")
    .description("create an owner role (owns the schema, runs migrations) and an app role (no superuser, no TRUNCATE, audit log append-only) and grant their rights; run as a superuser")
    .option("--owner <name>", "the owner role", DEFAULT_ROLES.owner)
    .option("--app <name>", "the app role", DEFAULT_ROLES.app)
    .option("--no-passwords", "create the roles without passwords (for servers that authenticate otherwise)")
    .action(async (opts: { owner: string; app: string; passwords: boolean }) => {
      const roles = { owner: parseOption("--owner", roleNameSchema, opts.owner), app: parseOption("--app", roleNameSchema, opts.app) };
      const passwords = opts.passwords ? { owner: generatePassword(), app: generatePassword() } : {};
      const result = await setUpDatabaseRoles(requiredDatabaseUrl(), roles, passwords);
      console.log(`roles ready: owner ${roles.owner}, app ${roles.app} (${result.created.length ? `created ${result.created.join(", ")}` : "already existed"}); ${result.objectsReassigned} objects now owned by ${roles.owner}`);
      if (passwords.owner && passwords.app) {
        console.log("New passwords, shown only this once (set on both roles):");
        console.log(`  ${roles.owner}: ${passwords.owner}   -> MIGRATION_DATABASE_URL`);
        console.log(`  ${roles.app}: ${passwords.app}   -> DATABASE_URL`);
      }
    });
}

function requiredDatabaseUrl(): string {
  const url = readEnv().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  return url;
}
