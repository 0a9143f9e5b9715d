/* global process, Buffer, performance */
/**
 * Compiles the bot for production: one ESM bundle per command in dist/ (git-ignored), packages
 * left in node_modules. Run by `npm start` (prestart) and `npm run backup`; takes well under a
 * second. `npm run dev` and the tests keep running the TypeScript through tsx.
 *
 * Why a bundle and not tsc: the code finds its files (locales/, report templates, migrations)
 * relative to its own source file, through import.meta. Each file's import.meta.url, .dirname and
 * .filename are pointed back at the source file it came from, so those files are read where they
 * are in the project (an operator's edited template included) and nothing is copied.
 *
 *   node build.mjs            # build
 *   node build.mjs --if-stale # build unless dist/ is newer than every file it was built from
 */
import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(fileURLToPath(import.meta.url));
const outdir = join(root, "dist");
const metafilePath = join(outdir, "meta.json");

/** dist/<name>.js runs <module>'s <function>. */
const entries = {
  main: { module: "./bot/main.ts", run: "main" },
  backup: { module: "./bot/db/backup.ts", run: "backupCommand" },
};

function isStale() {
  if (!existsSync(metafilePath)) return true;
  const meta = JSON.parse(readFileSync(metafilePath, "utf8"));
  const builtAt = statSync(metafilePath).mtimeMs;
  // Packages are extracted with a fixed old mtime: an install is seen by npm's own record of it.
  const inputs = [...Object.keys(meta.inputs).filter((p) => !/^[a-z-]+:/.test(p)) /* not the plugins' made-up modules */, "package-lock.json", "node_modules/.package-lock.json", "build.mjs"];
  return Object.keys(entries).some((name) => !existsSync(join(outdir, `${name}.js`))) || inputs.some((p) => !existsSync(join(root, p)) || statSync(join(root, p)).mtimeMs > builtAt);
}

const toPosix = (p) => p.split(sep).join("/");

/**
 * Prisma's generated client loads its query compiler from a 2.5 MB base64 string module, which
 * stays in memory beside the compiled module for the life of the process (5 MB of the heap). The
 * bundle reads the same bytes from a file written here instead.
 */
const wasmFile = "query_compiler_bg.sqlite.wasm";
const wasmFromBase64 = /const \{ wasm \} = await import\("@prisma\/client\/runtime\/query_compiler_bg\.sqlite\.wasm-base64\.mjs"\)\s*return await decodeBase64AsWasm\(wasm\)/;
const wasmFromFile = `return new WebAssembly.Module((await import("node:fs")).readFileSync(new URL("./${wasmFile}", import.meta.url)))`;
async function writeWasmFile() {
  const { wasm } = await import("@prisma/client/runtime/query_compiler_bg.sqlite.wasm-base64.mjs");
  await mkdir(outdir, { recursive: true });
  await writeFile(join(outdir, wasmFile), Buffer.from(wasm, "base64"));
}

/** import.meta of a bundled file, as the file itself would see it where it lies in the project. */
const sourceLocation = {
  name: "source-location",
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      let contents = await readFile(args.path, "utf8");
      if (contents.includes("import.meta.")) {
        const fromDist = toPosix(relative(outdir, args.path));
        const url = `new URL(${JSON.stringify(fromDist)}, import.meta.url)`;
        contents = contents
          .replaceAll("import.meta.url", `${url}.href`)
          .replaceAll("import.meta.filename", `__chiboFileURLToPath(${url})`)
          .replaceAll("import.meta.dirname", `__chiboDirname(__chiboFileURLToPath(${url}))`);
      }
      if (toPosix(args.path).endsWith("/db/generated/internal/class.ts")) {
        if (wasmFromBase64.test(contents)) contents = contents.replace(wasmFromBase64, wasmFromFile);
        else process.stderr.write("build: Prisma's query compiler is loaded another way in this version; it stays a base64 string.\n");
      }
      return { contents, loader: "ts" };
    });
  },
};

/**
 * node-fetch (grammY's HTTP client on Node) loads whatwg-url, and with it a 260 kB Unicode table,
 * only to fall back on it where Node's own URL is missing; Node 20 always has it.
 */
const nodeUrl = {
  name: "node-url",
  setup(b) {
    b.onResolve({ filter: /^whatwg-url$/ }, () => ({ path: "whatwg-url", namespace: "node-url" }));
    b.onLoad({ filter: /.*/, namespace: "node-url" }, () => ({ contents: "module.exports = { URL: globalThis.URL };", loader: "js" }));
  },
};

/** `entry:<name>`: a module that imports the command's module and runs it. */
const commandEntries = {
  name: "command-entries",
  setup(b) {
    b.onResolve({ filter: /^entry:/ }, (args) => ({ path: args.path, namespace: "entry" }));
    b.onLoad({ filter: /.*/, namespace: "entry" }, (args) => {
      const entry = entries[args.path.slice("entry:".length)];
      return { contents: `import { ${entry.run} } from ${JSON.stringify(entry.module)};\nawait ${entry.run}();\n`, resolveDir: root, loader: "ts" };
    });
  },
};

if (process.argv.includes("--if-stale") && !isStale()) process.exit(0);

const started = performance.now();
// Loaded only when there is something to build: `npm start` checks staleness at every start.
const { build } = await import("esbuild");
// Chunks are named by their hash: the previous build's would otherwise pile up.
rmSync(outdir, { recursive: true, force: true });
await writeWasmFile();
const result = await build({
  entryPoints: Object.fromEntries(Object.keys(entries).map((name) => [name, `entry:${name}`])),
  outdir,
  bundle: true,
  splitting: true,
  // Chunks sit beside the entries: every output file resolves the source paths above from dist/.
  chunkNames: "chunk-[hash]",
  format: "esm",
  platform: "node",
  target: "node20",
  // Bundled with the code: the pure-JavaScript packages loaded at every start (grammY and its
  // plugins, zod, Fluent, dotenv, Prisma's client runtime and its SQLite adapter), which saves
  // Node resolving, reading and scanning some 150 files (bundling Prisma's runtime alone saves
  // some 50 ms). Left in node_modules: native code (better-sqlite3), packages that find files of
  // their own at run time (pino's transports, node-cron's daemon), Zalo's HTTP client (loaded only
  // when Zalo runs), the Prisma CLI and the build tool, and the Word and Excel libraries (loaded
  // only when someone asks for a document).
  external: ["better-sqlite3", "prisma", "@prisma/engines", "@prisma/config", "pino", "pino-pretty", "node-cron", "undici", "esbuild", "docx", "exceljs"],
  // Whitespace and comments out (the bundle's text stays in memory for the life of the process),
  // names kept; stack traces map back to the sources with NODE_OPTIONS=--enable-source-maps.
  minifyWhitespace: true,
  keepNames: true,
  sourcemap: "linked",
  metafile: true,
  logLevel: "warning",
  // `require` for the CommonJS packages bundled into ES modules (node-fetch, debug…).
  banner: { js: 'import { createRequire as __chiboCreateRequire } from "node:module"; const require = __chiboCreateRequire(import.meta.url); import { fileURLToPath as __chiboFileURLToPath } from "node:url"; import { dirname as __chiboDirname } from "node:path";' },
  plugins: [sourceLocation, commandEntries, nodeUrl],
});
await writeFile(metafilePath, JSON.stringify(result.metafile));
process.stdout.write(`built dist/ in ${Math.round(performance.now() - started)} ms\n`);
