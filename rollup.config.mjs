// Browser bundles: the CDN single file, the SDK alone (for its size budget), and the demo page.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import commonjs from '@rollup/plugin-commonjs';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const typescriptPlugin = (tsconfig) => typescript({ tsconfig, declaration: false, declarationDir: undefined, sourceMap: false, inlineSources: false, outDir: undefined, noEmitOnError: true });

const plugins = (tsconfig = 'tsconfig.build.json') => [
  // Lit's html and css templates keep their indentation otherwise: terser leaves strings alone.
  minifyHtmlLiterals(),
  nodeResolve({ browser: true, exportConditions: ['browser', 'production', 'default'] }),
  typescriptPlugin(tsconfig),
  terser({ format: { comments: false }, compress: { passes: 2 } }),
];

/** Chunk names carry a content hash: once a build is written, the previous build's chunks go. */
const dropStaleChunks = () => ({
  name: 'entraide-drop-stale-chunks',
  writeBundle(options, bundle) {
    for (const file of readdirSync(options.dir)) {
      if (/^entraide-.+\.min\.js$/.test(file) && file !== 'entraide-sdk.min.js' && !(file in bundle)) rmSync(`${options.dir}/${file}`);
    }
  },
});

/** The Node build's chunks are hashed too: drop those of earlier builds. */
const dropStaleNodeChunks = () => ({
  name: 'entraide-drop-stale-node-chunks',
  writeBundle(options, bundle) {
    const dir = `${options.dir}/chunks`;
    for (const file of readdirSync(dir)) if (!(`chunks/${file}` in bundle)) rmSync(`${dir}/${file}`);
  },
});

/** Copies the demo page next to its scripts. */
const demoPage = () => ({
  name: 'entraide-demo-page',
  generateBundle() {
    for (const file of ['index.html', 'demo.css']) {
      this.emitFile({ type: 'asset', fileName: file, source: readFileSync(new URL(`./demo/${file}`, import.meta.url)) });
    }
  },
});

const onwarn = (warning, warn) => {
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

export default [
  {
    input: 'src/components/cdn.ts',
    // The read path is the entry; the composer and search load as chunks next to it when used.
    // A chunk of a few bytes (one route's `METHOD /url` that two chunks share) joins the entry
    // rather than cost a request of its own.
    output: ['dist', 'dist/demo'].map((dir) => ({ dir, format: 'es', entryFileNames: 'entraide.min.js', chunkFileNames: 'entraide-[name]-[hash].min.js', experimentalMinChunkSize: 100 })),
    // No facade chunk: the entry itself holds the read path the lazy chunks share.
    preserveEntrySignatures: 'allow-extension',
    plugins: [...plugins(), dropStaleChunks()],
    onwarn,
  },
  {
    // Server-rendered pages' entry: hydration support, then the same elements; its own folder, so
    // that each build's stale chunks are dropped without touching the other's.
    input: 'src/components/hydrate.ts',
    output: ['dist/hydrate', 'dist/demo/hydrate'].map((dir) => ({ dir, format: 'es', entryFileNames: 'entraide-ssr.min.js', chunkFileNames: 'entraide-[name]-[hash].min.js', experimentalMinChunkSize: 100 })),
    preserveEntrySignatures: 'allow-extension',
    plugins: [...plugins(), dropStaleChunks()],
    onwarn,
  },
  {
    // The elements for the server (`entraide/ssr`): Node resolves Lit itself (its server build), and
    // the templates' HTML and CSS are minified as in the browser, since every page carries them.
    input: 'src/components/ssr.ts',
    output: { dir: 'dist/ssr', format: 'es', entryFileNames: 'entraide-ssr.js', chunkFileNames: 'chunks/[name]-[hash].js' },
    external: [/^lit(\/|$)/, /^@lit\//, /^@lit-labs\//],
    plugins: [minifyHtmlLiterals(), nodeResolve({ exportConditions: ['node', 'default'] }), typescriptPlugin('tsconfig.build.json'), dropStaleNodeChunks()],
    onwarn,
  },
  {
    input: 'src/sdk/index.ts',
    // One file: the live stream's module, loaded on demand by the reader client, is inlined.
    output: { file: 'dist/entraide-sdk.min.js', format: 'es', inlineDynamicImports: true },
    plugins: plugins(),
    onwarn,
  },
  // Each public entry alone, minified, so `npm run bench` can report what it costs a page.
  ...[
    ['src/core/index.ts', 'dist/size/core.min.js'],
    ['src/mocks/index.ts', 'dist/size/mocks.min.js'],
    // The mocks carry the domain, whose sanitizer (xss) is CommonJS; msw and PGlite are counted apart.
  ].map(([input, file]) => ({ input, output: { file, format: 'es', inlineDynamicImports: true }, external: [/^msw/, /^@electric-sql\/pglite/], plugins: [commonjs(), ...plugins()], onwarn })),
  {
    input: 'demo/demo-sign-in.ts',
    output: { file: 'dist/demo/demo.js', format: 'es', inlineDynamicImports: true },
    plugins: [...plugins('tsconfig.demo.json'), demoPage()],
    onwarn,
  },
];
