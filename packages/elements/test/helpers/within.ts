import { fixture, fixtureCleanup } from '@open-wc/testing';
import type { TemplateResult } from 'lit';

/**
 * Renders `template` inside a wrapper carrying `attributes` (lang, dir, style). The wrapper is
 * plain DOM, so this waits on the element's own update rather than on an animation frame,
 * which a page running in the background does not get.
 */
export async function fixtureWithin<T extends Element>(attributes: Record<string, string>, template: TemplateResult): Promise<T> {
  const parent = document.createElement('div');
  for (const [name, value] of Object.entries(attributes)) parent.setAttribute(name, value);
  document.body.append(parent);
  const el = await fixture<T>(template, { parentNode: parent });
  cleanups.push(() => parent.remove());
  return el;
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  fixtureCleanup();
  for (const cleanup of cleanups.splice(0)) cleanup();
});
