import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Config, Human } from "@vladmandic/human";
import type * as TfCore from "@tensorflow/tfjs-core";

// Loads @vladmandic/human on TensorFlow.js's WASM backend once per process, with every model read
// from node_modules by path: nothing is fetched at run time (see ENVIRONMENT.md for the pitfalls).

// Node's own require, reached at run time: a bundler (the app's routes are built by Turbopack) would
// try to resolve the run-time paths below itself and fail. The engine's packages stay outside any
// bundle (next.config.js, serverExternalPackages).
const nodeRequire = process.getBuiltinModule("node:module").createRequire(import.meta.url);

type HumanModule = { Human: new (config?: Partial<Config>) => Human };

// Some of these packages do not export ./package.json: look for the folder along Node's search paths.
function packageDir(name: string): string {
  const found = (nodeRequire.resolve.paths(name) ?? []).map((dir) => path.join(dir, name)).find((dir) => existsSync(path.join(dir, "package.json")));
  if (!found) throw new Error(`${name} is not installed (run npm install)`);
  return found;
}

/** The model files' directory and the WASM binaries' directory, inside node_modules. */
export function engineAssetPaths() {
  return {
    models: path.join(packageDir("@vladmandic/human"), "models"),
    wasm: `${path.join(packageDir("@tensorflow/tfjs-backend-wasm"), "dist")}${path.sep}`,
  };
}

const MODEL_SCHEME = "verdict-model://";

/**
 * tf.io has no file:// loader in the WASM build: this one reads model.json and its weight files
 * with fs. It must pass `signature` and `userDefinedMetadata` through, or faceres returns empty
 * embeddings without any error.
 */
function registerModelLoader(tf: typeof TfCore, modelsDir: string) {
  tf.io.registerLoadRouter((url) => {
    const target = Array.isArray(url) ? url[0] : url;
    // tf.io skips a router that answers null (its type does not say so).
    if (typeof target !== "string" || !target.startsWith(MODEL_SCHEME)) return null as unknown as TfCore.io.IOHandler;
    const file = path.join(modelsDir, path.basename(target.slice(MODEL_SCHEME.length)));
    return {
      load: async () => {
        const json = JSON.parse(await readFile(file, "utf8")) as TfCore.io.ModelJSON;
        const dir = path.dirname(file);
        const specs: TfCore.io.WeightsManifestEntry[] = [];
        const buffers: Buffer[] = [];
        for (const group of json.weightsManifest) {
          specs.push(...group.weights);
          for (const p of group.paths) buffers.push(await readFile(path.join(dir, path.basename(p))));
        }
        const all = Buffer.concat(buffers);
        return {
          modelTopology: json.modelTopology,
          format: json.format,
          generatedBy: json.generatedBy,
          convertedBy: json.convertedBy,
          signature: json.signature,
          userDefinedMetadata: json.userDefinedMetadata,
          weightSpecs: specs,
          weightData: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength),
        };
      },
    };
  });
}

export { ENGINE_MODEL_VERSION } from "@/lib/face-engine/engine-version";

function engineConfig(wasmPath: string): Partial<Config> {
  return {
    backend: "wasm",
    wasmPath,
    wasmPlatformFetch: false,
    modelBasePath: MODEL_SCHEME,
    cacheModels: false,
    debug: false,
    async: false,
    warmup: "none",
    // Every call is a new picture: never reuse an earlier frame's results.
    cacheSensitivity: 0,
    skipAllowed: false,
    filter: { enabled: false },
    gesture: { enabled: false },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    segmentation: { enabled: false },
    face: {
      enabled: true,
      detector: { enabled: true, modelPath: "blazeface.json", rotation: true, maxDetected: 10, minConfidence: 0.5, minSize: 0, return: false, square: false },
      mesh: { enabled: true, modelPath: "facemesh.json" },
      attention: { enabled: false },
      iris: { enabled: false },
      emotion: { enabled: false },
      gear: { enabled: false },
      description: { enabled: true, modelPath: "faceres.json", minConfidence: 0 },
      antispoof: { enabled: true, modelPath: "antispoof.json" },
      liveness: { enabled: true, modelPath: "liveness.json" },
    },
  };
}

export interface LoadedEngine {
  human: Human;
  tf: typeof TfCore;
}

const globalForEngine = globalThis as unknown as { verdictFaceEngine?: Promise<LoadedEngine> };

async function loadEngine(): Promise<LoadedEngine> {
  const paths = engineAssetPaths();
  const tf = nodeRequire("@tensorflow/tfjs-core") as typeof TfCore;
  // The package's main entry is the tfjs-node build (it would download libtensorflow): load the WASM build by path.
  const { Human: HumanClass } = nodeRequire(path.join(packageDir("@vladmandic/human"), "dist", "human.node-wasm.js")) as HumanModule;
  registerModelLoader(tf, paths.models);
  const human = new HumanClass(engineConfig(paths.wasm));
  await human.init();
  await human.load();
  return { human, tf };
}

/** The engine of this process, loaded on first use (models once per process). */
export function getFaceEngine(): Promise<LoadedEngine> {
  globalForEngine.verdictFaceEngine ??= loadEngine().catch((error: unknown) => {
    globalForEngine.verdictFaceEngine = undefined;
    throw error;
  });
  return globalForEngine.verdictFaceEngine;
}

/**
 * Loads the models and runs the detector once on a blank picture, so the first real job of a
 * worker does not pay for it. Returns how long it took (ms).
 */
export async function warmUpFaceEngine(): Promise<number> {
  const started = performance.now();
  const { human, tf } = await getFaceEngine();
  const blank = tf.zeros([64, 64, 3], "int32");
  try {
    await human.detect(blank);
  } finally {
    blank.dispose();
  }
  return Math.round(performance.now() - started);
}
