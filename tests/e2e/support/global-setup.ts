import { db, disconnectDb } from "@/lib/db";
import { ensureDefaultVendorConfigs } from "@/lib/vendor-settings/vendor-configs";
import { createUser, setSeniorReviewer } from "@/lib/users/manage-users";
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
  await disconnectDb();
}
