/**
 * Build of the add-in pages: taskpane.html (the React pane), commands.html (the ribbon's
 * function file), dialog.html (the command's summary dialog) and check.html (the deployment
 * health page), with assets/ and manifest.xml copied into dist/.
 *
 *   npm run build                                   production, content hashes, into dist/
 *   npm run build -- --env officejs=china           Office.js from the 21Vianet CDN
 *   npm run build -- --env officejs=bundled         Office.js copied into dist/office-js/
 *   npm run dev-server                              https://localhost:3000 (dev certificates)
 *   HTTP=1 npm run dev-server                       http://127.0.0.1:3000, no certificates (tests)
 *   webpack --mode production --env legacyOnly --output-path DIR   only the ES5 entries (tests)
 *
 * Every page carries a Content-Security-Policy that allows no outside connection: scripts
 * only from the site itself and the chosen Office.js origin; connect-src 'self'.
 * ExcelJS is only reachable through the pane's dynamic import(): a production build fails
 * if it ever lands in a page's initial chunks.
 *
 * Old webviews (issue 11): taskpane.html loads only detect.js (ES5), which adds either the
 * React pane (taskpane.*.js) or, in IE11/EdgeHTML, the legacy pane (legacy.*.js). Entries in
 * the "legacy" layer (detect, legacy, and the ribbon's commands/dialog, which EdgeHTML runs on
 * retail Office 2016/2019) are compiled to ES5 by babel (preset-env for IE 11, core-js
 * polyfills by usage); the webpack runtime is ES5 for every page (target es5).
 *
 * The compression worker (src/io/xlsx/deflateWorker.ts, entry "deflate") is no page's
 * script: the xlsx chunk starts it by the file name DefinePlugin gives it
 * (`__KAOHE_DEFLATE_WORKER__`). That name carries a hash of the worker's source and of the
 * build's inputs, not webpack's contenthash (known only after the chunk that names it is
 * built), so a changed worker always gets a new URL.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- webpack reads this file as CommonJS */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

/** Where Office.js comes from, per `--env officejs=…`. */
const OFFICE_JS = {
  global: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
  // Office 365 operated by 21Vianet (China): Microsoft's documented CDN for that cloud.
  china: 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js',
  // A copy of node_modules/@microsoft/office-js/dist, next to the pages.
  bundled: 'office-js/office.js',
};

const root = __dirname;

/** babel for the legacy layer: ES5 for IE 11, core-js 3 polyfills for what the code uses. */
const LEGACY_BABEL = {
  loader: 'babel-loader',
  options: {
    babelrc: false,
    configFile: false,
    cacheDirectory: true,
    sourceType: 'unambiguous',
    presets: [['@babel/preset-env', { targets: { ie: '11' }, useBuiltIns: 'usage', corejs: '3.51', modules: false }]],
  },
};

/** ts-loader: type checking is `npm run typecheck`; ES modules here so import() makes a chunk. */
function tsLoader(production) {
  return { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: !production } } };
}
const exists = (relative) => fs.existsSync(path.join(root, relative));

/**
 * The CSP of every page. Office.js needs no 'unsafe-eval' (its only `new Function` is a
 * guarded fallback) and no connect-src beyond 'self' (it talks to Excel by postMessage or
 * the host bridge); Fluent UI (Griffel) inserts <style> elements, hence 'unsafe-inline' for styles.
 * No worker-src: it falls back to script-src (child-src, then default-src in older Safari),
 * both 'self', which admits the compression worker, a file of the site itself (no blob:).
 */
function contentSecurityPolicy(officeJsUrl) {
  const officeOrigin = /^https:\/\//.test(officeJsUrl) ? new URL(officeJsUrl).origin : '';
  return [
    "default-src 'self'",
    `script-src 'self'${officeOrigin ? ` ${officeOrigin}` : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** Adds `<script src=office.js>` to <head> of the pages that use Office.js, right after the CSP. */
class OfficeJsTagPlugin {
  constructor(url, pages) {
    this.url = url;
    this.pages = new Set(pages);
  }

  apply(compiler) {
    compiler.hooks.compilation.tap('OfficeJsTagPlugin', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('OfficeJsTagPlugin', (data) => {
        if (this.pages.has(data.outputName)) {
          // After the CSP <meta> (a policy only governs what follows it), before the page's bundle.
          const afterMeta = data.headTags.filter((tag) => tag.tagName === 'meta').length;
          data.headTags.splice(afterMeta, 0, HtmlWebpackPlugin.createHtmlTagObject('script', { src: this.url, type: 'text/javascript' }));
        }
        return data;
      });
    });
  }
}

/**
 * taskpane.html: the only script tag is detect.js, carrying the URLs of the two pane
 * bundles (data-modern, data-legacy) for it to choose from.
 */
class PaneSwitchPlugin {
  constructor(page, detect, modern, legacy) {
    Object.assign(this, { page, detect, modern, legacy });
  }

  apply(compiler) {
    compiler.hooks.compilation.tap('PaneSwitchPlugin', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('PaneSwitchPlugin', (data) => {
        if (data.outputName !== this.page) return data;
        const fileOf = (entry) => {
          const files = [...compilation.entrypoints.get(entry).getFiles()].filter((file) => file.endsWith('.js'));
          if (files.length !== 1) throw new Error(`entry ${entry}: expected one script, got ${files.join(', ')}`);
          return files[0];
        };
        for (const tag of [...data.headTags, ...data.bodyTags]) {
          if (tag.tagName === 'script' && tag.attributes.src && tag.attributes.src.includes(fileOf(this.detect))) {
            tag.attributes['data-modern'] = fileOf(this.modern);
            tag.attributes['data-legacy'] = fileOf(this.legacy);
          }
        }
        return data;
      });
    });
  }
}

/** The compression worker's entry: a worker script, loaded by no page. */
const WORKER_ENTRY = 'deflate';
const WORKER_SOURCE = './src/io/xlsx/deflateWorker.ts';

/**
 * The worker file's name: in production `deflate.<hash>.js`, the hash over the worker's
 * source (it imports nothing), the lock file and this config (toolchain changes), so a
 * cached old worker is never reused under a new build. Cost: three file reads.
 */
function workerFileName(production) {
  if (!production) return `${WORKER_ENTRY}.js`;
  const hash = crypto.createHash('sha256');
  for (const file of [WORKER_SOURCE, 'package-lock.json', 'webpack.config.js']) hash.update(exists(file) ? fs.readFileSync(path.join(root, file)) : '');
  return `${WORKER_ENTRY}.${hash.digest('hex').slice(0, 8)}.js`;
}

/**
 * Fails a production build when the workbook-file adapter (src/io/xlsx) or ExcelJS is in an
 * entry's initial (eagerly loaded) chunks. The worker entry is exempt (it is no page's script)
 * but must hold deflateWorker.ts alone.
 */
class ExcelJsStaysLazyPlugin {
  apply(compiler) {
    compiler.hooks.afterCompile.tap('ExcelJsStaysLazyPlugin', (compilation) => {
      for (const [name, entrypoint] of compilation.entrypoints) {
        if (name === WORKER_ENTRY) {
          for (const chunk of entrypoint.chunks) {
            for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
              const resource = module.resource || (module.rootModule && module.rootModule.resource) || '';
              if (resource && !resource.endsWith(path.join('src', 'io', 'xlsx', 'deflateWorker.ts'))) {
                compilation.errors.push(new Error(`The compression worker imports ${resource}; it must stay self-contained.`));
                return;
              }
            }
          }
          continue;
        }
        for (const chunk of entrypoint.chunks) {
          for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
            const resource = module.resource || (module.rootModule && module.rootModule.resource) || '';
            if (/[\\/]node_modules[\\/]exceljs[\\/]|[\\/]src[\\/]io[\\/]xlsx[\\/]/.test(resource)) {
              compilation.errors.push(new Error(`The workbook-file adapter is in the initial chunks of "${name}" (${resource}); import it with import() only.`));
              return;
            }
          }
        }
      }
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const officejs = env.officejs || 'global';
  if (!OFFICE_JS[officejs]) throw new Error(`--env officejs=${officejs}: expected global, china or bundled`);
  const officeJsUrl = OFFICE_JS[officejs];
  const csp = contentSecurityPolicy(officeJsUrl);
  const plainHttp = process.env.HTTP === '1';
  // Dev certificates only for `webpack serve` over https (installed on first use by office-addin-dev-certs).
  const httpsOptions = env.WEBPACK_SERVE && !plainHttp ? await require('office-addin-dev-certs').getHttpsServerOptions() : undefined;

  // taskpane.html's script is detect.js; the two pane bundles are entries without a page.
  const pages = [
    exists('src/taskpane/index.tsx') && { name: 'taskpane', entry: './src/taskpane/index.tsx', template: './src/taskpane/taskpane.html', office: true, chunks: ['detect'] },
    { name: 'commands', entry: './src/commands/commands.ts', template: './src/commands/commands.html', office: true, layer: 'legacy' },
    { name: 'dialog', entry: './src/commands/dialog.ts', template: './src/commands/dialog.html', office: true, layer: 'legacy' },
    exists('src/check/check.ts') && { name: 'check', entry: './src/check/check.ts', template: exists('src/check/check.html') ? './src/check/check.html' : undefined, office: false },
    // The city office's page (issue 14): verify towns' workbooks, download 市汇总.xlsx; no Office.js.
    exists('src/city/city.ts') && { name: 'city', entry: './src/city/city.ts', template: './src/city/city.html', office: false },
  ].filter(Boolean);

  const copies = [
    { from: 'assets', to: 'assets' },
    { from: 'manifest.xml', to: 'manifest.xml' },
  ];
  if (officejs === 'bundled') {
    copies.push({
      from: 'node_modules/@microsoft/office-js/dist',
      to: 'office-js',
      globOptions: { ignore: ['**/*.debug.js', '**/office-vsdoc.js', '**/*.d.ts'] },
      // Microsoft's files as published: never minified again (that would take minutes and change them).
      info: { minimized: true },
    });
  }

  // `--env legacyOnly`: only the ES5 entries (detect, legacy, commands, dialog), for quick checks.
  if (env.legacyOnly) pages.splice(0, pages.length, ...pages.filter((page) => page.layer === 'legacy'));
  const entries = Object.fromEntries(pages.map((page) => [page.name, page.layer ? { import: page.entry, layer: page.layer } : page.entry]));
  entries.detect = { import: './src/legacy/detect.js', layer: 'legacy' };
  entries.legacy = { import: './src/legacy/index.ts', layer: 'legacy' };
  // The compression worker: no page lists it (HtmlWebpackPlugin's chunks), the xlsx chunk names it.
  const workerFile = workerFileName(production);
  if (!env.legacyOnly) entries[WORKER_ENTRY] = { import: WORKER_SOURCE, filename: workerFile };

  const config = {
    mode: production ? 'production' : 'development',
    target: ['web', 'es5'],
    experiments: { layers: true },
    devtool: production ? false : 'source-map',
    entry: entries,
    output: {
      path: env.outputPath ? path.resolve(env.outputPath) : path.resolve(root, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: 'auto',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
    },
    module: {
      rules: [
        {
          oneOf: [
            // The legacy layer: TypeScript → ES2020 (ts-loader) → ES5 (babel); packages → ES5 (babel).
            { test: /\.tsx?$/, issuerLayer: 'legacy', exclude: /node_modules/, use: [LEGACY_BABEL, tsLoader(production)] },
            // detect.js is hand-written ES5 and must stay tiny: no babel, no polyfills.
            { test: /[\\/]src[\\/]legacy[\\/]detect\.js$/, type: 'javascript/auto' },
            { test: /\.m?js$/, issuerLayer: 'legacy', exclude: /[\\/]node_modules[\\/](core-js|@babel|webpack)[\\/]/, use: [LEGACY_BABEL] },
            { test: /\.tsx?$/, exclude: /node_modules/, use: tsLoader(production) },
          ],
        },
      ],
    },
    plugins: [
      ...pages.map(
        (page) =>
          new HtmlWebpackPlugin({
            filename: `${page.name}.html`,
            template: page.template,
            chunks: page.chunks || [page.name],
            scriptLoading: 'defer',
            meta: { 'Content-Security-Policy': { 'http-equiv': 'Content-Security-Policy', content: csp } },
          }),
      ),
      new OfficeJsTagPlugin(
        officeJsUrl,
        pages.filter((page) => page.office).map((page) => `${page.name}.html`),
      ),
      ...(pages.some((page) => page.name === 'taskpane') ? [new PaneSwitchPlugin('taskpane.html', 'detect', 'taskpane', 'legacy')] : []),
      new CopyWebpackPlugin({ patterns: copies }),
      new webpack.DefinePlugin({ __KAOHE_DEFLATE_WORKER__: JSON.stringify(workerFile) }),
      ...(production ? [new ExcelJsStaysLazyPlugin()] : []),
    ],
    performance: { hints: false },
    devServer: {
      host: plainHttp ? '127.0.0.1' : 'localhost',
      port: Number(process.env.PORT || 3000),
      hot: false,
      liveReload: !plainHttp,
      client: plainHttp ? false : { overlay: true },
      headers: { 'Cache-Control': 'no-store' },
      server: httpsOptions ? { type: 'https', options: httpsOptions } : 'http',
    },
  };
  // ── WPS 表格 add-in (issue 12): `--env host=wps` adds index.html, ribbon.js (ES5) and ribbon.xml ──
  if (env.host === 'wps') return require('./scripts/package/wps-webpack').withWps(config, { production, csp });
  return config;
};
