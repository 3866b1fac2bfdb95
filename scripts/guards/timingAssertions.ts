// Finds wall-clock timing in tests: a difference of two clock readings, or an assertion on a
// duration. Tests assert the order of events or counted work instead (CI is a loaded 2-core machine).
import ts from 'typescript';

/** Where a timing assertion was found: file, 1-based line, the code, and why it counts. */
export interface TimingFinding {
  file: string;
  line: number;
  code: string;
  reason: string;
}

const CLOCK_CALLS = new Set([
  'Date.now',
  'performance.now',
  'process.hrtime',
  'process.hrtime.bigint',
  'process.uptime',
]);
const DURATION_NAME = /^(duration|elapsed|took|timeTaken)|(Duration|Elapsed)(Ms|Millis|Seconds)?$/;
const COMPARISONS = new Set([
  'toBeGreaterThan',
  'toBeGreaterThanOrEqual',
  'toBeLessThan',
  'toBeLessThanOrEqual',
  'toBeCloseTo',
  'toBe',
  'toEqual',
]);

/** A call of the real clock: Date.now(), performance.now(), process.hrtime(), new Date().getTime(). */
function isClockReading(node: ts.Node): boolean {
  if (!ts.isCallExpression(node)) return false;
  const callee = node.expression.getText();
  if (CLOCK_CALLS.has(callee)) return true;
  // new Date().getTime() / new Date().valueOf() with no argument: the real now.
  if (ts.isPropertyAccessExpression(node.expression) && /^(getTime|valueOf)$/.test(node.expression.name.text)) {
    const target = node.expression.expression;
    const inner = ts.isParenthesizedExpression(target) ? target.expression : target;
    return ts.isNewExpression(inner) && inner.expression.getText() === 'Date' && (inner.arguments?.length ?? 0) === 0;
  }
  return false;
}

/** Whether `node` reads the clock or names a duration anywhere inside it. */
function mentionsTiming(node: ts.Node): boolean {
  if (isClockReading(node)) return true;
  if (ts.isIdentifier(node) && DURATION_NAME.test(node.text)) return true;
  return ts.forEachChild(node, (child) => (mentionsTiming(child) ? true : undefined)) === true;
}

/** The `X` of `expect(X).not?.matcher(…)`, and the matcher's name, or null. */
function expectation(node: ts.CallExpression): { subject: ts.Expression; matcher: string } | null {
  if (!ts.isPropertyAccessExpression(node.expression)) return null;
  const matcher = node.expression.name.text;
  let target = node.expression.expression;
  if (ts.isPropertyAccessExpression(target) && target.name.text === 'not') target = target.expression;
  if (!ts.isCallExpression(target) || target.expression.getText() !== 'expect') return null;
  const subject = target.arguments[0];
  return subject ? { subject, matcher } : null;
}

/** Every timing assertion in one test file's text. */
export function findTimingAssertions(file: string, text: string): TimingFinding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const findings: TimingFinding[] = [];
  const report = (node: ts.Node, reason: string): void => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    findings.push({ file, line, code: node.getText(source).split('\n')[0] ?? '', reason });
  };
  // Variables holding a clock reading (`const t0 = performance.now()`): a difference with one is timing.
  const clockVariables = new Set<string>();
  const collect = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      if (isClockReading(node.initializer)) clockVariables.add(node.name.text);
    }
    ts.forEachChild(node, collect);
  };
  collect(source);
  const isClock = (node: ts.Expression): boolean =>
    isClockReading(node) || (ts.isIdentifier(node) && clockVariables.has(node.text));
  const visit = (node: ts.Node): void => {
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.MinusToken &&
      (isClock(node.left) || isClock(node.right))
    ) {
      report(node, 'a difference of clock readings measures wall-clock time');
      return;
    }
    if (ts.isCallExpression(node)) {
      const e = expectation(node);
      if (e && COMPARISONS.has(e.matcher) && [e.subject, ...node.arguments].some((a) => mentionsTiming(a))) {
        report(node, `expect(…).${e.matcher} on a duration or a clock reading`);
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}
