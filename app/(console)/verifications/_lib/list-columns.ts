// Columns of the verifications list a person can hide; the hidden ones live in the URL (`hide=a,b`)
// so a shared link shows the same table.
export const HIDEABLE_COLUMNS = ["media", "createdAt", "checkType", "reference", "vendors", "status", "source", "createdBy"] as const;
