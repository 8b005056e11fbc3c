// Server bundle: webpack 5 + esbuild-loader (ES2020) + gas-webpack-plugin → build/Code.js.
// gas-webpack-plugin turns every `global.<name> = …` in src/index.ts into a top-level
// `function <name>() {}` stub, which is how Apps Script finds entry points.
const path = require('path');
const GasPlugin = require('gas-webpack-plugin');

module.exports = {
  mode: 'production',
  context: __dirname,
  entry: './src/index.ts',
  target: ['web', 'es2020'],
  devtool: false,
  output: {
    path: path.resolve(__dirname, 'build'),
    filename: 'Code.js',
    clean: false,
  },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        loader: 'esbuild-loader',
        options: { loader: 'ts', target: 'es2020' },
      },
    ],
  },
  // Readable in the Apps Script editor; size is dominated by our own code anyway.
  optimization: { minimize: false, concatenateModules: true },
  performance: { hints: false },
  plugins: [new GasPlugin({ comment: false })],
};
