import { readEnv } from "@/lib/config/env";
import { parseFaultsEnv } from "@/lib/sandbox/faults";
import { startSandbox } from "@/lib/sandbox/start-sandbox";
import { vendorRegistry } from "@/lib/vendors/vendor-registry";
import { vendorIds } from "@/lib/vendors/types";

// Runs the vendor sandboxes on one port: SANDBOX_PORT (default 4010), SANDBOX_HOST (default 127.0.0.1),
// SANDBOX_FAULTS (JSON per vendor, e.g. {"fpt":{"status5xx":503,"remaining":2}}).
const { SANDBOX_PORT: port, SANDBOX_HOST: host, SANDBOX_FAULTS } = readEnv();

const sandbox = await startSandbox({ port, host, faults: parseFaultsEnv(SANDBOX_FAULTS) });
console.log(`Vendor sandbox listening on ${sandbox.url}`);
for (const vendor of vendorIds) {
  const info = vendorRegistry[vendor];
  const credentials = Object.entries(info.sandboxCredentials).map(([k, v]) => `${k}=${v}`).join(" ");
  console.log(`  ${vendor.padEnd(13)} ${sandbox.url}${info.sandboxPathPrefix}  (${credentials})`);
}
console.log(`  admin         ${sandbox.url}/_sandbox  (faults, requests, scenarios, media)`);

const shutdown = () => {
  sandbox.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
