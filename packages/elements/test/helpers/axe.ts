// axe-core's browser build registers itself on `window`.
import 'axe-core/axe.min.js';

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: unknown[] }[] }[];
}
declare global {
  interface Window {
    axe: { run(context: Element, options: object): Promise<AxeResult> };
  }
}

/** Fails with every axe-core violation (WCAG 2.x A and AA, best practices) inside `element`. */
export async function expectAccessible(element: Element): Promise<void> {
  const result = await window.axe.run(element, { resultTypes: ['violations'] });
  if (result.violations.length > 0) {
    const lines = result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`,
    );
    throw new Error(`axe-core found ${result.violations.length} violation(s):\n${lines.join('\n')}`);
  }
}
