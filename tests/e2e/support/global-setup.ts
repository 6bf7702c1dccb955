import { disconnectDb } from "@/lib/db";
import { createUser } from "@/lib/users/manage-users";
import { E2E_USERS, PASSWORD } from "./users";

export default async function globalSetup() {
  for (const user of Object.values(E2E_USERS)) {
    await createUser({ kind: "system", label: "e2e-setup" }, { email: user.email, role: user.role, name: null, password: PASSWORD });
  }
  await disconnectDb();
}
