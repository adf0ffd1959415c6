/**
 * The custom elements manifest as Storybook's controls need it. The analyzer writes optional
 * properties as `string | undefined`, which Storybook does not recognise as a string and offers
 * a "Set object" button for; read-only members (`validity`, `selectedOrder`, …) are outputs, not
 * inputs, and get no control either.
 */
interface Member {
  kind?: string;
  name?: string;
  readonly?: boolean;
  type?: { text?: string };
}
interface Manifest {
  modules?: { declarations?: { members?: Member[]; attributes?: Member[] }[] }[];
}

const optional = /\s*\|\s*(undefined|null)\b/g;

export function forStorybook<T>(manifest: T): T {
  const copy = structuredClone(manifest) as Manifest;
  for (const mod of copy.modules ?? []) {
    for (const declaration of mod.declarations ?? []) {
      if (declaration.members) declaration.members = declaration.members.filter((m) => !(m.kind === 'field' && m.readonly));
      for (const item of [...(declaration.members ?? []), ...(declaration.attributes ?? [])]) {
        if (item.type?.text) item.type.text = item.type.text.replace(optional, '');
      }
    }
  }
  return copy as T;
}
