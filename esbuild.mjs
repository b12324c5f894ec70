// Builds the shipped bundles: the VS Code client, the language server and the CLI (which holds the MCP server).
import { build } from 'esbuild';
import { deflateRawSync } from 'node:zlib';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const production = process.argv.includes('--production');

// Data files (catalogs, schemas) become one JSON.parse of a string each, not object literals: V8 compiles a large
// literal into bytecode and boilerplate at start-up, which costs start-up time and leaves memory behind.
const jsonAsData = {
  name: 'json-as-data',
  setup(builder) {
    builder.onLoad({ filter: /\.json$/ }, async (args) => {
      const text = JSON.stringify(JSON.parse(await readFile(args.path, 'utf8')));
      return { contents: `module.exports = JSON.parse(${JSON.stringify(text)});\n`, loader: 'js' };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // jsonc-parser's UMD entry loads its parts dynamically; its ES module entry bundles cleanly.
  mainFields: ['module', 'main'],
  plugins: [jsonAsData],
};

// The rule pages go into the CLI bundle as data, so `emr-spark-lint mcp` explains a rule without reading any file.
const RULE_DOCS = 'docs/rules';
const ruleDocs = {
  name: 'rule-docs',
  setup(builder) {
    builder.onResolve({ filter: /^emr-spark-config:rule-docs$/ }, (args) => ({ path: args.path, namespace: 'rule-docs' }));
    builder.onLoad({ filter: /.*/, namespace: 'rule-docs' }, async () => {
      const names = (await readdir(RULE_DOCS)).filter((name) => name.endsWith('.md')).sort();
      const docs = {};
      for (const name of names) docs[name.slice(0, -'.md'.length)] = await readFile(join(RULE_DOCS, name), 'utf8');
      // Deflated (a third of the size in the package); inflated once when the MCP server starts.
      const packed = deflateRawSync(Buffer.from(JSON.stringify(docs)), { level: 9 }).toString('base64');
      const contents = `import { inflateRawSync } from 'node:zlib';\nexport default JSON.parse(inflateRawSync(Buffer.from(${JSON.stringify(packed)}, 'base64')).toString('utf8'));\n`;
      return { contents, loader: 'js', watchFiles: names.map((name) => join(RULE_DOCS, name)) };
    });
  },
};

// Chunk names carry a content hash: old ones would linger (and ship) if the folder were not emptied first.
await rm('dist/npm', { recursive: true, force: true });

const [, , , npmPackage] = await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({
    ...common,
    entryPoints: ['server/src/main.ts'],
    outfile: 'dist/server.js',
    // Also the npm package's `emr-spark-language-server` command, for editors other than VS Code.
    banner: { js: '#!/usr/bin/env node' },
  }),
  build({
    ...common,
    entryPoints: ['server/src/cli.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [jsonAsData, ruleDocs],
  }),
  // The npm package: its two commands share one copy of the engine (ES module chunks), and the MCP server is a chunk
  // that only `emr-spark-lint mcp` loads. Bundled CommonJS code gets a real `require` for Node's built-in modules.
  build({
    ...common,
    format: 'esm',
    splitting: true,
    entryPoints: {
      'emr-spark-lint': 'server/src/bin/emr-spark-lint.ts',
      'emr-spark-language-server': 'server/src/main.ts',
    },
    outdir: 'dist/npm',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
    plugins: [jsonAsData, ruleDocs],
    metafile: true,
  }),
]);
// What each shipped file imports, for the test that the MCP server's code reaches no network or process module.
await writeFile('dist/npm-metafile.json', JSON.stringify(npmPackage.metafile));
