import Provider from "oidc-provider";

// A real OpenID Connect identity provider for the single sign-on browser test, with the
// library's development login form (any login name + password signs in as that name).
const port = Number(process.env.OIDC_TEST_PORT ?? 4600);
const appUrl = process.env.NEXTAUTH_URL ?? "http://127.0.0.1:3100";
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: "verdict-e2e",
      client_secret: "verdict-e2e-secret",
      redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  findAccount: async (_ctx, id) => ({
    accountId: id,
    claims: async () => ({ sub: id, email: id, email_verified: true, name: `SSO ${id}` }),
  }),
  features: { devInteractions: { enabled: true } },
  // Put email and name in the ID token, as the identity providers companies use do.
  conformIdTokenClaims: false,
  cookies: { keys: ["verdict-e2e-oidc-cookie-key"] },
});

provider.listen(port, () => console.log(`test OIDC provider on ${issuer}`));
