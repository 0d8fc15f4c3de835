// Render every formula given on stdin (a JSON list of {tex, display}) with KaTeX,
// throwOnError: true; print a JSON list of {tex, error} for the ones that fail.
const path = process.argv[2] || "/usr/share/javascript/katex/katex.min.js";
const katex = require(path);
let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const failures = [];
  for (const item of JSON.parse(input)) {
    try {
      katex.renderToString(item.tex, { displayMode: item.display, throwOnError: true, strict: "ignore" });
    } catch (error) {
      failures.push({ tex: item.tex, error: String(error.message || error) });
    }
  }
  process.stdout.write(JSON.stringify(failures));
});
