import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import sharp from "sharp";
import { detectMediaFormat, writeScenarioMarker } from "@/lib/sandbox/media-marker";
import { createSampleImage, createSampleVideo } from "@/lib/sandbox/sample-media";
import { listScenarioNames, sandboxScenarios } from "@/lib/vendors/sandbox-scenarios";
import { vendorIdSchema, vendorIds, type VendorId } from "@/lib/vendors/types";

const mediaFormats = ["jpg", "png", "mp4"] as const;
type MediaFormat = (typeof mediaFormats)[number];
const isMediaFormat = (value: string): value is MediaFormat => (mediaFormats as readonly string[]).includes(value);

function parseVendor(value: string | undefined): VendorId | undefined {
  if (value === undefined) return undefined;
  const parsed = vendorIdSchema.safeParse(value);
  if (!parsed.success) throw new Error(`unknown vendor "${value}" (one of: ${vendorIds.join(", ")})`);
  return parsed.data;
}

function defaultFormat(vendor: VendorId | undefined, from: string | undefined): MediaFormat {
  if (from) {
    const ext = path.extname(from).toLowerCase();
    if (ext === ".png") return "png";
    if (ext === ".mp4") return "mp4";
    return "jpg";
  }
  return vendor === "fpt" ? "mp4" : "jpg";
}

/** A marked copy of --from (converted to --format if needed), or a generated sample. */
async function buildMarkedMedia(scenario: string, format: MediaFormat, from: string | undefined): Promise<Buffer> {
  if (!from) return format === "mp4" ? createSampleVideo({ scenario }) : createSampleImage({ scenario, format });
  const source = await readFile(from);
  const sourceFormat = detectMediaFormat(source);
  if (sourceFormat === "mp4" && format !== "mp4") throw new Error("--from is a video: use --format mp4 (a video cannot become an image)");
  if (format === "mp4") {
    if (sourceFormat !== "mp4") throw new Error("--format mp4 needs an mp4 --from file (or no --from to generate one)");
    return writeScenarioMarker(source, scenario);
  }
  const wanted = format === "png" ? "png" : "jpeg";
  const image = sourceFormat === wanted ? source : format === "png" ? await sharp(source).png().toBuffer() : await sharp(source).jpeg().toBuffer();
  return writeScenarioMarker(image, scenario);
}

/**
 * `sandbox media --scenario <name> [--vendor <id>] [--from photo.jpg] [--out file] [--format jpg|png|mp4]`
 * `sandbox scenarios [--vendor <id>]`
 */
export function registerSandboxCommands(program: Command): void {
  const sandbox = program.command("sandbox").description("Vendor sandbox helpers: scenario-marked test media");

  sandbox
    .command("scenarios")
    .description("List the sandbox scenarios (per vendor)")
    .option("--vendor <id>", `one of ${vendorIds.join(", ")}`)
    .action((opts: { vendor?: string }) => {
      const vendor = parseVendor(opts.vendor);
      for (const id of vendor ? [vendor] : vendorIds) {
        console.log(`${id}:`);
        for (const s of sandboxScenarios[id]) {
          const apis = "appliesTo" in s && s.appliesTo ? ` [${s.appliesTo.join(", ")}]` : "";
          console.log(`  ${s.name.padEnd(26)} ${s.vendorCode.padEnd(24)} ${s.description}${apis}`);
        }
      }
    });

  sandbox
    .command("media")
    .description("Write a test file carrying a sandbox:<scenario> marker and print its path")
    .requiredOption("--scenario <name>", "scenario name (see `sandbox scenarios`)")
    .option("--vendor <id>", "check the scenario against this vendor's list")
    .option("--from <file>", "mark a copy of this photo/video instead of generating one")
    .option("--out <file>", "output path (default: ./sandbox-<scenario>.<ext>)")
    .option("--format <format>", "jpg | png | mp4 (default: from --from, mp4 for fpt, else jpg)")
    .action(async (opts: { scenario: string; vendor?: string; from?: string; out?: string; format?: string }) => {
      const vendor = parseVendor(opts.vendor);
      const known = listScenarioNames(vendor);
      if (!known.includes(opts.scenario)) {
        throw new Error(`unknown scenario "${opts.scenario}"${vendor ? ` for ${vendor}` : ""}; known: ${known.join(", ")}`);
      }
      if (opts.format !== undefined && !isMediaFormat(opts.format)) throw new Error("--format must be jpg, png or mp4");
      const format = opts.format !== undefined && isMediaFormat(opts.format) ? opts.format : defaultFormat(vendor, opts.from);
      const bytes = await buildMarkedMedia(opts.scenario, format, opts.from);
      const out = path.resolve(opts.out ?? `sandbox-${opts.scenario}.${format}`);
      await writeFile(out, bytes);
      console.log(out);
    });
}
