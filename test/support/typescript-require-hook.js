// Runs the project's TypeScript in a plain Node process (a child of a test) without a build: each .ts file is
// transpiled on require with the project's compiler options (decorator metadata included, which tsx cannot emit).
// Plain `require`, not jest's: what the child loads goes through Node's loader, where OpenTelemetry's hooks work.
const fs = require('node:fs'); // eslint-disable-line @typescript-eslint/no-require-imports -- a CommonJS hook for node -r
const path = require('node:path'); // eslint-disable-line @typescript-eslint/no-require-imports -- a CommonJS hook for node -r
const ts = require('typescript'); // eslint-disable-line @typescript-eslint/no-require-imports -- a CommonJS hook for node -r

const root = path.resolve(__dirname, '../..');
const { config } = ts.readConfigFile(path.join(root, 'tsconfig.json'), (file) => ts.sys.readFile(file));
const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, root);
const compilerOptions = {
  ...options,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  sourceMap: false,
  inlineSourceMap: true,
};

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
