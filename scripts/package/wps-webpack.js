/**
 * The WPS 表格 add-in's part of the build (issue 12), used by webpack.config.js only with
 * `--env host=wps` (so ordinary builds and the Office package stay as they were):
 *
 *   index.html  the add-in's entry page (src/wps/index.html) with the modern bundle `wps`
 *               (src/wps/main.ts: 计算排名 over the WPS port), deferred;
 *   ribbon.js   the ribbon callbacks (src/wps/ribbon.ts) as plain ES5, fixed name, built by a
 *               second compiler after the first (same output folder, no clean);
 *   ribbon.xml  copied from src/wps/.
 *
 *   npx webpack --mode production --env host=wps
 */
/* eslint-disable @typescript-eslint/no-require-imports -- webpack reads this file as CommonJS */
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

/**
 * Adds the WPS entry page to the main config and returns [main, ribbon] for webpack.
 * @param {object} config the main webpack config (changed in place)
 * @param {{ production: boolean, csp: string }} options
 */
function withWps(config, options) {
  config.name = config.name || 'kaohe';
  config.entry = { ...config.entry, wps: './src/wps/main.ts' };
  config.plugins.push(
    new HtmlWebpackPlugin({
      filename: 'index.html',
      template: './src/wps/index.html',
      chunks: ['wps'],
      scriptLoading: 'defer',
      meta: { 'Content-Security-Policy': { 'http-equiv': 'Content-Security-Policy', content: options.csp } },
    }),
    new CopyWebpackPlugin({ patterns: [{ from: 'src/wps/ribbon.xml', to: 'ribbon.xml' }] }),
  );
  const ribbon = {
    name: 'wps-ribbon',
    dependencies: [config.name],
    mode: options.production ? 'production' : 'development',
    target: ['web', 'es5'],
    devtool: false,
    entry: { ribbon: './src/wps/ribbon.ts' },
    output: { path: config.output.path, filename: '[name].js', clean: false },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { target: 'es5', module: 'esnext', sourceMap: false } } },
        },
      ],
    },
    performance: { hints: false },
  };
  return [config, ribbon];
}

module.exports = { withWps };
