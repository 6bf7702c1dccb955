import { defineConfig, devices } from "@playwright/test";
import { TRUSTED_TEST_PROXY } from "./tests/e2e/support/network";

// Run through `npm test`, which provisions the database, builds the app and picks free ports.
const port = Number(process.env.E2E_PORT ?? 3100);
const oidcPort = Number(process.env.OIDC_TEST_PORT ?? 4600);
const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4610);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  globalSetup: "./tests/e2e/support/global-setup.ts",
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } } }],
  webServer: [
    {
      // Verdict's server (scripts/serve.ts), as `npm start` runs it.
      command: "node --import tsx scripts/serve.ts",
      // Single sign-on against the test identity provider below. Tests reach the app from
      // 127.0.0.1 (an untrusted client); a test plays a trusted proxy from 127.0.0.2. Every test
      // signs in from the same address, so the per-address and global sign-in limits are raised
      // here (tests/integration/auth/login-throttle.test.ts proves them at their defaults' scale).
      env: { PORT: String(port), HOST: "127.0.0.1", TRUSTED_PROXIES: TRUSTED_TEST_PROXY, LOGIN_MAX_FAILURES_PER_ADDRESS: "500", LOGIN_MAX_FAILURES_GLOBAL: "2000", OIDC_ISSUER: `http://127.0.0.1:${oidcPort}`, OIDC_CLIENT_ID: "verdict-e2e", OIDC_CLIENT_SECRET: "verdict-e2e-secret", OIDC_NAME: "Test IdP" },
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: "npx tsx scripts/sandbox.ts",
      url: `http://127.0.0.1:${sandboxPort}/_sandbox/health`,
      env: { SANDBOX_PORT: String(sandboxPort) },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // The job worker, as `npm run worker` runs it beside the app.
      command: "npx tsx scripts/worker.ts",
      wait: { stdout: /\[verdict-worker\] started/ },
      // Job failures show in the test output.
      stdout: "pipe",
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: "npx tsx tests/support/oidc-test-provider.ts",
      url: `http://127.0.0.1:${oidcPort}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
