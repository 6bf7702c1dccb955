import { createServer } from "node:http";
import path from "node:path";
import { freezeEnv, readEnv } from "@/lib/config/env";
import { compileTrustedProxies, stampClientAddress } from "@/lib/http/client-address";

// Verdict's HTTP server: `next start` plus one thing Next.js cannot do, deciding the client's
// address from the socket and TRUSTED_PROXIES before any app code runs (lib/http/client-address.ts).
// PORT and HOST as for `npm start`.
Object.assign(process.env, { NODE_ENV: "production" });
process.env.NEXT_TELEMETRY_DISABLED = "1";

const root = path.resolve(import.meta.dirname, "..");
const { PORT: port, HOST: host, TRUSTED_PROXIES } = readEnv();
const trust = compileTrustedProxies(TRUSTED_PROXIES);

const { default: next } = await import("next");
const app = next({ dev: false, dir: root, hostname: host, port });
await app.prepare();
// Next.js has loaded its .env files: the environment is complete.
freezeEnv();
const handle = app.getRequestHandler();
const upgrade = app.getUpgradeHandler();

const server = createServer((req, res) => {
  stampClientAddress(req, trust);
  void handle(req, res);
});
server.on("upgrade", (req, socket, head) => {
  stampClientAddress(req, trust);
  void upgrade(req, socket, head);
});
server.listen(port, host, () => console.log(`[verdict-app] listening on http://${host}:${port}`));

function stop() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
