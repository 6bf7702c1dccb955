// Accounts the browser tests sign in with; created fresh for each run by global-setup.ts.
export const PASSWORD = "correct horse battery staple";

export const E2E_USERS = {
  admin: { email: "e2e-admin@verdict.test", role: "admin" },
  viewer: { email: "e2e-viewer@verdict.test", role: "viewer" },
  reviewer: { email: "e2e-reviewer@verdict.test", role: "reviewer" },
  operator: { email: "e2e-operator@verdict.test", role: "operator" },
  // A reviewer an admin granted the senior reviewer permission: decides escalated cases.
  senior: { email: "e2e-senior@verdict.test", role: "reviewer", seniorReviewer: true },
} as const;

export type E2eRole = keyof typeof E2E_USERS;
