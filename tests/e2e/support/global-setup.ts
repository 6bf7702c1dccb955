import { db, disconnectDb } from "@/lib/db";
import { ensureDefaultVendorConfigs } from "@/lib/vendor-settings/vendor-configs";
import { createUser, setSeniorReviewer } from "@/lib/users/manage-users";
import { checkTypes } from "@/lib/vendors/types";
import { E2E_USERS, PASSWORD } from "./users";

export default async function globalSetup() {
  for (const user of Object.values(E2E_USERS)) {
    const { user: created } = await createUser({ kind: "system", label: "e2e-setup" }, { email: user.email, role: user.role, name: null, password: PASSWORD });
    if ("seniorReviewer" in user) await setSeniorReviewer({ kind: "system", label: "e2e-setup" }, created.id, user.seniorReviewer);
  }
  // Every vendor points at the sandbox started by playwright.config.ts, as `npm start` does
  // (replacing rows earlier test suites left pointing at their own sandboxes).
  await db.vendorConfig.deleteMany();
  await ensureDefaultVendorConfigs({ sandboxUrl: `http://127.0.0.1:${process.env.SANDBOX_PORT ?? 4610}` });
  // The specs upload synthetic pictures without a face to reach the sandboxes' scenarios: the
  // quality gate (on by default for console uploads) would stop them. engine.spec.ts turns it on.
  for (const checkType of checkTypes) {
    await db.qualityGateSetting.upsert({ where: { checkType }, create: { checkType, apiTraffic: false, consoleUploads: false }, update: { apiTraffic: false, consoleUploads: false } });
  }
  // The specs written before the engine pick "every vendor that serves the check type": the engine
  // (vendor `local`) is off for them, and engine.spec.ts switches it on for its own test.
  await db.vendorConfig.update({ where: { vendor: "local" }, data: { enabled: false } });
  await disconnectDb();
}
