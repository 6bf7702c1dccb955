import pg from "pg";

// Running Verdict without superuser rights: an owner role that owns the schema and runs the
// migrations, and an app role that reads and writes data but cannot alter tables, disable
// triggers, or update, delete or truncate audit events. `npm run cli -- db roles` applies this to
// the database at DATABASE_URL, connected as a superuser (or the current owner of every object).

export interface DatabaseRoles {
  owner: string;
  app: string;
}

export const DEFAULT_ROLES: DatabaseRoles = { owner: "verdict_owner", app: "verdict_app" };

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface RoleSetupResult {
  created: string[];
  objectsReassigned: number;
}

async function ensureLoginRole(client: pg.Client, name: string, password: string | undefined, created: string[]) {
  const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [name]);
  const id = client.escapeIdentifier(name);
  if (!rowCount) {
    await client.query(`CREATE ROLE ${id} LOGIN${password ? ` PASSWORD ${client.escapeLiteral(password)}` : ""}`);
    created.push(name);
  } else if (password) {
    await client.query(`ALTER ROLE ${id} PASSWORD ${client.escapeLiteral(password)}`);
  }
  // Whatever it was before: no superuser, no bypassing row security, no creating roles or databases.
  await client.query(`ALTER ROLE ${id} NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB`);
}

// Everything in the public schema that the owner role does not own yet, as ALTER … OWNER statements.
const OBJECTS_TO_REASSIGN = `
  SELECT format('ALTER %s %s OWNER TO %I',
           CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
           c.oid::regclass, $1::text) AS statement
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'S', 'v', 'm')
     AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = $1)
     -- a sequence owned by a table column moves with its table
     AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
  UNION ALL
  SELECT format('ALTER FUNCTION %s OWNER TO %I', p.oid::regprocedure, $1::text)
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
   WHERE n.nspname = 'public' AND p.proowner <> (SELECT oid FROM pg_roles WHERE rolname = $1)
  UNION ALL
  SELECT format('ALTER TYPE %s OWNER TO %I', t.oid::regtype, $1::text)
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
   WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'c') AND t.typrelid = 0
     AND t.typowner <> (SELECT oid FROM pg_roles WHERE rolname = $1)`;

export async function setUpDatabaseRoles(
  databaseUrl: string,
  roles: DatabaseRoles = DEFAULT_ROLES,
  passwords: { owner?: string; app?: string } = {},
): Promise<RoleSetupResult> {
  for (const name of [roles.owner, roles.app]) {
    if (!ROLE_NAME.test(name)) throw new Error(`Role name "${name}" is not allowed: lowercase letters, digits and _ only.`);
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const owner = client.escapeIdentifier(roles.owner);
  const app = client.escapeIdentifier(roles.app);
  const created: string[] = [];
  try {
    await ensureLoginRole(client, roles.owner, passwords.owner, created);
    await ensureLoginRole(client, roles.app, passwords.app, created);
    await client.query("BEGIN");
    const { rows: dbRows } = await client.query<{ name: string }>("SELECT current_database() AS name");
    const database = client.escapeIdentifier(dbRows[0].name);
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${database} TO ${owner}, ${app}`);
    // pg-boss installs and upgrades its own schema ("pgboss") from the app's connection.
    await client.query(`GRANT CREATE ON DATABASE ${database} TO ${app}`);
    await client.query(`GRANT USAGE, CREATE ON SCHEMA public TO ${owner}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${app}`);
    await client.query(`REVOKE CREATE ON SCHEMA public FROM ${app}`);

    const { rows } = await client.query<{ statement: string }>(OBJECTS_TO_REASSIGN, [roles.owner]);
    for (const { statement } of rows) await client.query(statement);

    // The app: data in, data out; the audit log only appended to and read; the migration record read.
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`);
    await client.query(`REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${app}`);
    await client.query(`REVOKE UPDATE, DELETE ON "AuditEvent" FROM ${app}`);
    await client.query(`REVOKE INSERT, UPDATE, DELETE ON "AuditChainHead", "_prisma_migrations" FROM ${app}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`);
    await client.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${app}`);
    // Tables that later migrations (run as the owner) create get the same rights.
    await client.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`);
    await client.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app}`);

    // An existing job-queue schema becomes the app's, as if it had installed it.
    const { rowCount: hasBoss } = await client.query("SELECT 1 FROM pg_namespace WHERE nspname = 'pgboss'");
    if (hasBoss) {
      await client.query(`ALTER SCHEMA pgboss OWNER TO ${app}`);
      const { rows: bossObjects } = await client.query<{ statement: string }>(
        `SELECT format('ALTER %s %s OWNER TO %I', CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END, c.oid::regclass, $1::text) AS statement
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'pgboss' AND c.relkind IN ('r', 'p', 'S', 'v')
            AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
          UNION ALL
         SELECT format('ALTER FUNCTION %s OWNER TO %I', p.oid::regprocedure, $1::text)
           FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'pgboss'
          UNION ALL
         SELECT format('ALTER TYPE %s OWNER TO %I', t.oid::regtype, $1::text)
           FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
          WHERE n.nspname = 'pgboss' AND t.typtype IN ('e', 'd', 'c') AND t.typrelid = 0`,
        [roles.app],
      );
      for (const { statement } of bossObjects) await client.query(statement);
    }
    await client.query("COMMIT");
    return { created, objectsReassigned: rows.length };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
