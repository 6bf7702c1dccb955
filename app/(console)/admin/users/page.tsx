import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { CreateUserForm } from "./_components/create-user-form";
import { UsersTable } from "./_components/users-table";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const me = await requirePageUser(["admin"]);
  const users = await db.user.findMany({
    orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { email: "asc" }],
    select: { id: true, email: true, name: true, role: true, disabledAt: true, lastLoginAt: true, createdAt: true, oidcSubject: true, seniorReviewer: true },
  });
  return (
    <>
      <PageHeader title="Users and roles" description="Who can sign in to Verdict, and what each person may do." />
      <div className="flex flex-col gap-8">
        <UsersTable
          currentUserId={me.id}
          users={users.map((u) => ({
            id: u.id,
            email: u.email,
            name: u.name,
            role: u.role,
            disabled: Boolean(u.disabledAt),
            seniorReviewer: u.seniorReviewer,
            sso: Boolean(u.oidcSubject),
            lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
          }))}
        />
        <CreateUserForm />
      </div>
    </>
  );
}
