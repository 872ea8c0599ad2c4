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

/** What both builds (the add-in's and the WPS one's) share: TypeScript through ts-loader, no size hints. */
function typescriptBuild(dev) {
  return {
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
  };
}

module.exports = (env, argv) => {
  const dev = argv.mode === "development";
  const serving = !!(env && env.WEBPACK_SERVE);
  const main = {
    devtool: dev ? "source-map" : false,
    entry: {
      // boot.ts first: it tells the ES5 fallback (src/taskpane/fallback.js) that the bundle parsed and started
      taskpane: ["./src/taskpane/boot.ts", "./src/taskpane/index.tsx"],
      commands: "./src/commands/commands.ts",
      web: "./src/web/web.tsx", // the checker without Office (dist/web.html, issue 20)
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:8].js",
      // dist/wps/ is the WPS build's (below): kept when this one cleans
      clean: { keep: /^wps[\\/]/ },
    },
    ...typescriptBuild(dev),
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"] }),
      new HtmlWebpackPlugin({ filename: "web.html", template: "./src/web/web.html", chunks: ["web"] }),
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
  return serving ? main : [main, wpsConfig(dev)];
};

/**
 * The WPS 表格 add-in (issue 37) in dist/wps/: the same pane (src/taskpane, which finds the host at start) and the
 * ribbon's callbacks (src/wps/ribbon.ts), for WPS's Chromium 87 — target ES2020 — with ribbon.xml, the JsPlugin
 * manifest, jsplugins.xml and publish.html for an online install from the same server as the web page (URL_PROD/wps/),
 * and the offline package (scripts/wps-offline.js, no network).
 */
function wpsConfig(dev) {
  const out = path.resolve(__dirname, "dist/wps");
  const urlWps = `${urlProd}/wps`;
  return {
    name: "wps",
    target: ["web", "es2020"],
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: ["./src/taskpane/boot.ts", "./src/taskpane/index.tsx"],
      ribbon: "./src/wps/ribbon.ts",
    },
    output: { path: out, filename: "[name].[contenthash:8].js", clean: true },
    ...typescriptBuild(dev),
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/wps/addin/taskpane.html", chunks: ["taskpane"] }),
      // WPS opens index.html (hidden) when it loads the add-in: it loads the ribbon's callbacks
      new HtmlWebpackPlugin({ filename: "index.html", template: "./src/wps/addin/index.html", chunks: ["ribbon"], inject: "head", scriptLoading: "blocking" }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/wps/addin/ribbon.xml", to: "ribbon.xml" },
          { from: "src/wps/addin/manifest.xml", to: "manifest.xml" },
          { from: "src/wps/addin/publish.html", to: "publish.html" },
          { from: "src/wps/addin/jsplugins.xml", to: "jsplugins.xml", transform: (content) => content.toString().replace(/__WPS_URL__/g, urlWps) },
        ],
      }),
      // Dependencies ship newer syntax (tabster's `??=` is ES2021): every script, once minified, is lowered to ES2020 by
      // TypeScript, so it parses where WPS's Chromium 87 does (test/wps/package.test.ts parses each at ES2020)
      {
        apply(compiler) {
          const { Compilation, sources } = compiler.webpack;
          compiler.hooks.thisCompilation.tap("wps-es2020", (compilation) => {
            compilation.hooks.processAssets.tap({ name: "wps-es2020", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 1 }, (assets) => {
              const ts = require("typescript");
              for (const name of Object.keys(assets).filter((n) => n.endsWith(".js"))) {
                const code = assets[name].source().toString();
                const out = ts.transpileModule(code, {
                  fileName: name,
                  compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ESNext, allowJs: true, alwaysStrict: false, removeComments: false, sourceMap: false },
                }).outputText;
                compilation.updateAsset(name, new sources.RawSource(out));
              }
            });
          });
        },
      },
      {
        apply(compiler) {
          compiler.hooks.afterEmit.tap("wps-offline", () => {
            const { makeOfflinePackage } = require("./scripts/wps-offline.js");
            makeOfflinePackage(out, require("./package.json").version);
          });
        },
      },
    ],
  };
}
