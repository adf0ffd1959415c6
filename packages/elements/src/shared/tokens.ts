import { css } from 'lit';

/**
 * The design tokens every element reads. Hosts theme with the public `--lo-*` properties on any
 * ancestor (they inherit into shadow DOM); each element maps them to private `--_*` names with
 * a default, so the defaults live here only once. Colours use `light-dark()`: they follow
 * `prefers-color-scheme` unless the host sets `--lo-color-scheme: light` (or `dark`).
 */
export const tokens = css`
  :host {
    color-scheme: var(--lo-color-scheme, light dark);
    --_surface: var(--lo-color-surface, light-dark(#fff, #17191e));
    --_text: var(--lo-color-text, light-dark(#1f2328, #e8eaed));
    --_text-muted: var(--lo-color-text-muted, light-dark(#555d68, #a9b0ba));
    --_border: var(--lo-color-border, light-dark(#d4d8de, #3a3f48));
    --_primary: var(--lo-color-primary, light-dark(#1d4ed8, #7aa7ff));
    --_success: var(--lo-color-success, light-dark(#17663a, #6fd39a));
    --_warning: var(--lo-color-warning, light-dark(#8a5300, #f3c061));
    --_danger: var(--lo-color-danger, light-dark(#b42318, #ff9a8f));
    --_track: var(--lo-color-track, light-dark(#e3e6ea, #30343c));
    --_space-xs: var(--lo-space-xs, 0.25rem);
    --_space-s: var(--lo-space-s, 0.5rem);
    --_space-m: var(--lo-space-m, 0.75rem);
    --_space-l: var(--lo-space-l, 1rem);
    --_radius: var(--lo-radius, 0.5rem);
    font-family: var(--lo-font-family, system-ui, sans-serif);
    font-size: var(--lo-font-size, 0.875rem);
    color: var(--_text);
  }
  :host([hidden]) {
    display: none !important;
  }
  .card {
    box-sizing: border-box;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-l);
  }
  :focus-visible {
    outline: var(--lo-focus-ring, 2px solid var(--_primary));
    outline-offset: 2px;
  }
`;
