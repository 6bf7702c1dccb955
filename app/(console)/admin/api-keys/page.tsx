import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { listApiKeys } from "@/lib/api-keys/manage-api-keys";
import { requirePageUser } from "@/lib/auth/current-user";
import { ApiKeysTable } from "./_components/api-keys-table";
import { CreateApiKeyForm } from "./_components/create-api-key-form";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  await requirePageUser(["admin"]);
  const keys = await listApiKeys();
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys for the customer's backend to call /api/v1. Every request is recorded in the audit log under its key."
      />
      <div className="flex flex-col gap-8">
        <ApiKeysTable
          keys={keys.map((k) => ({
            id: k.id,
            name: k.name,
            prefix: k.prefix,
            role: k.role,
            createdBy: k.createdBy?.email ?? null,
            createdAt: k.createdAt.toISOString(),
            lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
            revokedAt: k.revokedAt?.toISOString() ?? null,
          }))}
        />
        <CreateApiKeyForm />
      </div>
    </>
  );
}
