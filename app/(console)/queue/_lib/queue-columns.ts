// Columns of the review queue a person can hide (the case itself and the selection cannot be);
// every one shows until hidden. The hidden ones live in the URL (`hide=a,b`), so a shared link
// or a saved bookmark shows the same table.
export const QUEUE_HIDEABLE_COLUMNS = ["media", "priority", "rules", "checkType", "vendors", "status", "assignee", "opened", "sla"] as const;
