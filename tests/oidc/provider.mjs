// A real OpenID provider for the single sign-on tests: the npm package oidc-provider, on loopback.
//
//   node tests/oidc/provider.mjs PORT CLIENT_ID CLIENT_SECRET REDIRECT_URI
//
// Its development sign-in form accepts any user name; the people below get the groups shown,
// anyone else none. Prints "ready <issuer>" on stdout once it listens.
import Provider from "oidc-provider";

const [port, clientId, clientSecret, redirectUri] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;

const PEOPLE = {
  ada: { name: "Ada Caseworker", groups: ["oc-caseworkers"], team: "general" },
  olu: { name: "Olu Overseer", groups: ["oc-oversight"] },
  root: { name: "Rita Admin", groups: ["oc-admins", "oc-caseworkers"] },
  "sam.smith": { name: "Sam Smith", groups: ["oc-caseworkers"], team: "housing" },
};

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [redirectUri],
      response_types: ["code"],
      grant_types: ["authorization_code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  pkce: { required: () => true },
  // Put the scope's claims in the ID token too, as many providers do for groups and roles.
  conformIdTokenClaims: false,
  claims: {
    openid: ["sub"],
    profile: ["name", "preferred_username"],
    groups: ["groups", "team"],
  },
  scopes: ["openid", "profile", "groups"],
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ["test-only-cookie-key-0123456789"] },
  async findAccount(ctx, id) {
    const person = PEOPLE[id] ?? { name: id, groups: [] };
    return {
      accountId: id,
      async claims() {
        const claims = { sub: id, name: person.name, preferred_username: id, groups: person.groups };
        if (person.team) claims.team = person.team;
        return claims;
      },
    };
  },
});
provider.proxy = false;

const server = provider.listen(Number(port), "127.0.0.1", () => {
  process.stdout.write(`ready ${issuer}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
