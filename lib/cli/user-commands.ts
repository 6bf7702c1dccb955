import type { Command } from "commander";
import type { Actor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { createUser, findUserIdByEmail, resetUserPassword, setUserDisabled } from "@/lib/users/manage-users";
import { emailSchema, nameSchema, roleSchema } from "@/lib/users/user-schemas";
import { parseOption } from "@/lib/cli/parse-option";
import { readEnv } from "@/lib/config/env";

// The CLI acts as "cli:<os user>" in the audit log, through the same functions as the admin page.
const cliActor: Actor = { kind: "cli", label: readEnv().SUDO_USER || readEnv().USER };

export function registerUserCommands(program: Command) {
  const user = program.command("user").description("manage users");

  user
    .command("create")
    .description("create a user and print a generated password once")
    .requiredOption("--email <email>", "email address (the sign-in name)")
    .requiredOption("--role <role>", "admin | reviewer | operator | viewer")
    .option("--name <name>", "display name")
    .action(async (opts: { email: string; role: string; name?: string }) => {
      const created = await createUser(cliActor, {
        email: parseOption("--email", emailSchema, opts.email),
        role: parseOption("--role", roleSchema, opts.role),
        name: parseOption("--name", nameSchema, opts.name),
      });
      console.log(`created ${created.user.email} (${created.user.role})`);
      console.log(`password: ${created.password}`);
    });

  user
    .command("reset-password")
    .description("set a new generated password (printed once) and sign the user out everywhere")
    .requiredOption("--email <email>", "email address")
    .action(async (opts: { email: string }) => {
      const id = await findUserIdByEmail(parseOption("--email", emailSchema, opts.email));
      const { user: found, password } = await resetUserPassword(cliActor, id);
      console.log(`new password for ${found.email}: ${password}`);
    });

  for (const [name, disabled] of [["disable", true], ["enable", false]] as const) {
    user
      .command(name)
      .description(disabled ? "disable a user (signed out at their next request)" : "enable a disabled user")
      .requiredOption("--email <email>", "email address")
      .action(async (opts: { email: string }) => {
        const id = await findUserIdByEmail(parseOption("--email", emailSchema, opts.email));
        const updated = await setUserDisabled(cliActor, id, disabled);
        console.log(`${updated.email} is now ${disabled ? "disabled" : "enabled"}`);
      });
  }

  user
    .command("list")
    .description("list users")
    .action(async () => {
      const users = await db.user.findMany({ orderBy: { email: "asc" } });
      for (const u of users) console.log(`${u.email}\t${u.role}\t${u.disabledAt ? "disabled" : "active"}`);
    });
}
