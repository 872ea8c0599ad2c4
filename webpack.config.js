/* webpack for the add-in (Microsoft's Office-Addin-TaskPane template conventions):
 * entries taskpane and commands, https dev server on localhost:3000, production build to dist/,
 * manifest copied with the dev URL replaced by the production one (URL_PROD). */
const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000";
const urlProd = (process.env.URL_PROD || "https://selfeval.example.com").replace(/\/$/, ""); // where dist/ is hosted in production

/** The dev certificates made by `npx office-addin-dev-certs install`, read directly (its own reader fails on Linux). */
function devHttps() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
  if (!Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) {
    throw new Error(`No dev certificates in ${dir}: run \`npx office-addin-dev-certs install\` first.`);
  }
  const read = (f) => fs.readFileSync(path.join(dir, f));
  return { type: "https", options: { ca: read(files.ca), cert: read(files.cert), key: read(files.key) } };
}

module.exports = (env, argv) => {
  const dev = argv.mode === "development";
  const serving = !!(env && env.WEBPACK_SERVE);
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      // boot.ts first: it tells the ES5 fallback (src/taskpane/fallback.js) that the bundle parsed and started
      taskpane: ["./src/taskpane/boot.ts", "./src/taskpane/index.tsx"],
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: "tsconfig.json", compilerOptions: { noEmit: false, sourceMap: dev } } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/help/help.html", to: "help.html" },
          // copied as written (ES5), never through the bundler: it must parse in IE11 and EdgeHTML
          { from: "src/taskpane/fallback.js", to: "fallback.js" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return dev ? content : content.toString().replace(new RegExp(urlDev, "g"), urlProd);
            },
          },
        ],
      }),
    ],
    devServer: serving
      ? {
          host: "127.0.0.1",
          port: Number(process.env.npm_package_config_dev_server_port || 3000),
          headers: { "Access-Control-Allow-Origin": "*" },
          server: devHttps(),
          static: { directory: path.resolve(__dirname, "dist") },
        }
      : undefined,
  };
};
