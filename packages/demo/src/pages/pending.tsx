import type { ReactNode } from 'react';

/**
 * Marks where an element that is not part of the packages yet will go. Each page shows the
 * elements that exist today; filling one in is replacing this with the element's React component.
 */
export function Pending({ element, children }: { element: string; children?: ReactNode }) {
  return (
    <aside className="pending" data-pending={element}>
      <p>
        <code>&lt;{element}&gt;</code> goes here. {children}
      </p>
    </aside>
  );
}
