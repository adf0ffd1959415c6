// axe-core's browser build registers itself on `window`.
import 'axe-core/axe.min.js';
import { fixtureCleanup } from '@open-wc/testing';

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

/**
 * Runs `expectAccessible` (colour contrast included) on `render()`'s element in the light and in
 * the dark colour scheme, on a page background of that scheme, as a host forcing one would.
 */
export async function expectAccessibleLightAndDark(render: (parent: HTMLElement) => Promise<Element>): Promise<void> {
  for (const [scheme, background] of [
    ['light', '#ffffff'],
    ['dark', '#0f1115'],
  ] as const) {
    const parent = document.createElement('div');
    parent.setAttribute('style', `--lo-color-scheme: ${scheme}; color-scheme: ${scheme}; background: ${background}; padding: 8px`);
    document.body.append(parent);
    try {
      await expectAccessible(await render(parent)).catch((error: Error) => {
        throw new Error(`${scheme}: ${error.message}`);
      });
    } finally {
      fixtureCleanup(); // the fixtures inside first, then their parent
      parent.remove();
    }
  }
}
