// Post-order of a dependency graph walked with an explicit stack: every node comes after the nodes it
// reads, so evaluating in this order never nests one cell's evaluation inside another's.
/**
 * The nodes reachable from `roots`, each after its dependencies. A dependency already on the path
 * (a cycle) or already `done` is skipped: the evaluator itself reports real cycles.
 */
export function dependencyOrder<T>(
  roots: readonly T[],
  key: (node: T) => string,
  depsOf: (node: T) => readonly T[],
  done: (key: string) => boolean,
): T[] {
  const order: T[] = [];
  const seen = new Set<string>();
  const stack: Array<{ node: T; deps: readonly T[] | null; next: number }> = [];
  const visit = (node: T): void => {
    const k = key(node);
    if (seen.has(k) || done(k)) return;
    seen.add(k);
    stack.push({ node, deps: null, next: 0 });
  };
  for (const root of roots) {
    visit(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      top.deps ??= depsOf(top.node);
      if (top.next < top.deps.length) visit(top.deps[top.next++]!);
      else order.push(stack.pop()!.node);
    }
  }
  return order;
}
