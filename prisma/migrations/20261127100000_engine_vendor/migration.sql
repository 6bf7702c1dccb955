-- Verdict's own offline face engine is a vendor like the others (id `local`). In its own migration:
-- a new enum value cannot be used in the transaction that adds it.
ALTER TYPE "Vendor" ADD VALUE IF NOT EXISTS 'local';
