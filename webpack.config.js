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
 *
 * Every page carries a Content-Security-Policy that allows no outside connection: scripts
 * only from the site itself and the chosen Office.js origin; connect-src 'self'.
 * ExcelJS is only reachable through the pane's dynamic import(): a production build fails
 * if it ever lands in a page's initial chunks.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- webpack reads this file as CommonJS */
const fs = require('node:fs');
const path = require('node:path');
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
const exists = (relative) => fs.existsSync(path.join(root, relative));

/**
 * The CSP of every page. Office.js needs no 'unsafe-eval' (its only `new Function` is a
 * guarded fallback) and no connect-src beyond 'self' (it talks to Excel by postMessage or
 * the host bridge); Fluent UI (Griffel) inserts <style> elements, hence 'unsafe-inline' for styles.
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

/** Fails a production build when the workbook-file adapter (src/io/xlsx) or ExcelJS is in an entry's initial (eagerly loaded) chunks. */
class ExcelJsStaysLazyPlugin {
  apply(compiler) {
    compiler.hooks.afterCompile.tap('ExcelJsStaysLazyPlugin', (compilation) => {
      for (const [name, entrypoint] of compilation.entrypoints) {
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

  const pages = [
    exists('src/taskpane/index.tsx') && { name: 'taskpane', entry: './src/taskpane/index.tsx', template: './src/taskpane/taskpane.html', office: true },
    { name: 'commands', entry: './src/commands/commands.ts', template: './src/commands/commands.html', office: true },
    { name: 'dialog', entry: './src/commands/dialog.ts', template: './src/commands/dialog.html', office: true },
    exists('src/check/check.ts') && { name: 'check', entry: './src/check/check.ts', template: exists('src/check/check.html') ? './src/check/check.html' : undefined, office: false },
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

  return {
    mode: production ? 'production' : 'development',
    target: 'web',
    devtool: production ? false : 'source-map',
    entry: Object.fromEntries(pages.map((page) => [page.name, page.entry])),
    output: {
      path: path.resolve(root, 'dist'),
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
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Type checking is `npm run typecheck`; ES modules here so import() makes a chunk.
            options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: !production } },
          },
        },
      ],
    },
    plugins: [
      ...pages.map(
        (page) =>
          new HtmlWebpackPlugin({
            filename: `${page.name}.html`,
            template: page.template,
            chunks: [page.name],
            scriptLoading: 'defer',
            meta: { 'Content-Security-Policy': { 'http-equiv': 'Content-Security-Policy', content: csp } },
          }),
      ),
      new OfficeJsTagPlugin(
        officeJsUrl,
        pages.filter((page) => page.office).map((page) => `${page.name}.html`),
      ),
      new CopyWebpackPlugin({ patterns: copies }),
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
};
