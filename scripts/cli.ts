import { Command, CommanderError } from "commander";
import { registerApiKeyCommands } from "@/lib/cli/api-key-commands";
import { registerFaceSearchCommands } from "@/lib/cli/face-search-commands";
import { registerSandboxCommands } from "@/lib/cli/sandbox-commands";
import { registerSecurityCommands } from "@/lib/cli/security-commands";
import { registerUserCommands } from "@/lib/cli/user-commands";
import { disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { resolveDatabaseUrlForCli } from "@/lib/runtime/cli-database";

// `npm run cli -- <command>`: what an operator does from a shell, against the app's database.
const program = new Command("verdict").description("Verdict admin command line").exitOverride();
registerUserCommands(program);
registerApiKeyCommands(program);
registerSandboxCommands(program);
registerSecurityCommands(program);
registerFaceSearchCommands(program);

const stopDatabase = await resolveDatabaseUrlForCli(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`error: cannot reach the database: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
let code = 0;
try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    code = error.exitCode;
  } else {
    console.error(error instanceof AppError ? `error: ${error.message}` : error);
    code = 1;
  }
} finally {
  await disconnectDb();
  await stopDatabase();
}
process.exit(code);
