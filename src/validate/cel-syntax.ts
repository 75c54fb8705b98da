/** What this module uses of `@marcbachmann/cel-js`, an ES module whose types a CommonJS file cannot import. */
interface CelParser {
  parse(expression: string): unknown;
}

/** The CEL parser, or `null` where this Node.js cannot load it. */
let parser: CelParser | null | undefined;

/**
 * Kubernetes' CEL syntax that the parser does not read although the API server accepts it: optional
 * list and map entries (`[?x]`, `{?'k': x}`) and back-quoted identifiers. A rule using them that the
 * parser rejects is left unchecked rather than reported wrongly.
 */
const UNREAD_SYNTAX = /[[{,]\s*\?|`/;

/**
 * The syntax error in a CEL expression, as the API server's CEL parser would report it when it
 * compiles a CRD's `x-kubernetes-validations` rule or `messageExpression`, or `undefined` if it
 * parses. Only the syntax is checked (with Kubernetes' optional syntax `self.?x` enabled), not the
 * types, the functions or the cost that the API server also checks.
 *
 * The parser (`@marcbachmann/cel-js`) is an ES module, loaded on first use with `require()`, which
 * Node.js 20.19+, 22.12+ and 24 support; on an older Node.js nothing is checked and a warning says so
 * once.
 *
 * @param expression the CEL expression
 * @returns the parser's message and the character where it stopped, or `undefined`
 */
export function celSyntaxError(expression: string): string | undefined {
  const env = loadParser();
  if (env === null) return undefined;
  try {
    env.parse(expression);
    return undefined;
  } catch (e: unknown) {
    if (!(e instanceof Error) || e.name !== 'ParseError') throw e;
    if (UNREAD_SYNTAX.test(expression)) return undefined;
    const { summary, range } = e as Error & { summary?: string; range?: { start: number } };
    return range === undefined ? summary ?? e.message : `${summary ?? e.message} at character ${range.start + 1}`;
  }
}

function loadParser(): CelParser | null {
  if (parser !== undefined) return parser;
  try {
    // Loaded on first use: only a schema with x-kubernetes-validations needs it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cel = require('@marcbachmann/cel-js') as { Environment: new (options: { enableOptionalTypes: boolean }) => CelParser };
    parser = new cel.Environment({ enableOptionalTypes: true });
  } catch (e: unknown) {
    parser = null;
    process.emitWarning(`cdk8s-kratix: the syntax of CEL rules (x-kubernetes-validations) is not checked: this Node.js ${process.version} cannot require() the ES module @marcbachmann/cel-js (Node.js 20.19, 22.12 or newer can): ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  return parser;
}
