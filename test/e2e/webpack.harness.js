/**
 * Test-only build of test/e2e/pages/harness.ts: the Excel simulator installed as the
 * global Excel/Office/OfficeExtension before the production pane bundle runs.
 *
 *   npx webpack --config test/e2e/webpack.harness.js --env out=<folder>
 *
 * Output: <folder>/harness.js (one file, no chunks). Never writes into dist/.
 */
// webpack-cli loads this file as CommonJS (package.json has no "type": "module").
// eslint-disable-next-line @typescript-eslint/no-require-imports
const path = require('node:path');

module.exports = (env = {}) => {
  if (!env.out) throw new Error('webpack.harness.js: pass --env out=<folder>');
  return {
    mode: 'development',
    target: 'web',
    devtool: false,
    entry: { harness: path.join(__dirname, 'pages', 'harness.ts') },
    output: { path: path.resolve(env.out), filename: '[name].js', clean: false },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: false } } },
        },
      ],
    },
    optimization: { splitChunks: false },
    performance: { hints: false },
  };
};
