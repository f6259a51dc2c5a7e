export interface ShapeFault {
  path: (string | number)[];
  reason: 'too-deep' | 'too-large';
}

/**
 * Finds input that would make the recursive schema parser overflow the stack or run for too
 * long: a value nested deeper than `maxDepth` (a cycle nests forever), or more than `maxValues`
 * values in all. Walks with its own stack, so it never recurses itself.
 */
export function shapeFault(input: unknown, maxDepth: number, maxValues: number): ShapeFault | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: input, path: [] }];
  let count = 0;
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value, path } = next;
    if (++count > maxValues) return { path: [], reason: 'too-large' };
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= maxDepth) return { path, reason: 'too-deep' };
    const size = Array.isArray(value) ? value.length : Object.keys(value).length;
    if (count + stack.length + size > maxValues) return { path: [], reason: 'too-large' };
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : Object.entries(value);
    for (const [key, child] of entries) stack.push({ value: child, path: [...path, key] });
  }
  return undefined;
}
