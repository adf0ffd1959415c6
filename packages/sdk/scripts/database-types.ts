// The `Database` type of what our migrations add to a Supabase project's `public` schema, in the
// shape `supabase gen types typescript` writes, read from a real migrated database: PGlite with
// the Supabase stand-in and the agency's tables (fixtures), then our migrations. Only what the
// migrations create or change is listed (new tables and the agency tables they alter, the view,
// the functions, the enum), so a host merges it into its own generated `Database`.
//
// renderDatabaseTypes() gives the file's text; scripts/generate-database-types.ts writes it to
// src/database.types.ts and test/database-types.test.ts fails when that file is stale.
import { PGlite } from '@electric-sql/pglite';
import { agencyFixtureSql, applyMigrations, fromPglite, migrations, supabaseFixtureSql } from '@lead-orders/db';

interface Column {
  table: string;
  name: string;
  type: string;
  typtype: string;
  elemType: string | null;
  nullable: boolean;
  hasDefault: boolean;
  identity: boolean;
  generated: boolean;
}

interface Relationship {
  table: string;
  name: string;
  columns: string[];
  referenced: string;
  referencedColumns: string[];
  oneToOne: boolean;
}

interface FunctionArg {
  name: string;
  type: string;
  typtype: string;
  elemType: string | null;
  hasDefault: boolean;
}

interface DatabaseFunction {
  name: string;
  args: FunctionArg[];
  returnType: string;
  returnTyptype: string;
  returnElemType: string | null;
  returnsSet: boolean;
  /** The columns of a `returns table (…)` or `returns setof <table>`, else null. */
  returnColumns: FunctionArg[] | null;
  definition: string;
}

interface Catalog {
  tables: Map<string, Column[]>;
  views: Map<string, Column[]>;
  relationships: Relationship[];
  functions: DatabaseFunction[];
  enums: Map<string, string[]>;
}

async function readCatalog(db: PGlite): Promise<Catalog> {
  const columns = await db.query<Column & { kind: string }>(`
    select c.relname as "table", c.relkind as kind, a.attname as name,
           t.typname as type, t.typtype as typtype, et.typname as "elemType",
           not a.attnotnull as nullable, a.atthasdef as "hasDefault",
           a.attidentity <> '' as identity, a.attgenerated <> '' as generated
    from pg_catalog.pg_class c
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    join pg_catalog.pg_type t on t.oid = a.atttypid
    left join pg_catalog.pg_type et on et.oid = t.typelem and t.typcategory = 'A'
    where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm')
    order by c.relname, a.attnum`);
  const tables = new Map<string, Column[]>();
  const views = new Map<string, Column[]>();
  for (const row of columns.rows) {
    const target = row.kind === 'v' || row.kind === 'm' ? views : tables;
    target.set(row.table, [...(target.get(row.table) ?? []), row]);
  }
  const relationships = (await db.query<Relationship>(`
    select c.relname as "table", con.conname as name,
           array(select a.attname from unnest(con.conkey) with ordinality k(n, i)
                 join pg_catalog.pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.i) as columns,
           rc.relname as referenced,
           array(select a.attname from unnest(con.confkey) with ordinality k(n, i)
                 join pg_catalog.pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n order by k.i) as "referencedColumns",
           exists (select 1 from pg_catalog.pg_constraint u
                   where u.conrelid = con.conrelid and u.contype in ('p', 'u')
                     and (select array_agg(x order by x) from unnest(u.conkey) x) = (select array_agg(x order by x) from unnest(con.conkey) x)) as "oneToOne"
    from pg_catalog.pg_constraint con
    join pg_catalog.pg_class c on c.oid = con.conrelid
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    join pg_catalog.pg_class rc on rc.oid = con.confrelid
    join pg_catalog.pg_namespace rn on rn.oid = rc.relnamespace
    where con.contype = 'f' and n.nspname = 'public' and rn.nspname = 'public'
    order by c.relname, con.conname`)).rows;
  const functions = (await db.query<DatabaseFunction & { argNames: string[] | null; argTypes: string[]; argTyptypes: string[]; argElemTypes: (string | null)[]; argModes: string[] | null; defaults: number }>(`
    select p.proname as name, p.proretset as "returnsSet", rt.typname as "returnType", rt.typtype as "returnTyptype",
           ret.typname as "returnElemType",
           p.proargnames as "argNames", p.proargmodes::text[] as "argModes", p.pronargdefaults as defaults,
           array(select t.typname from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality x(oid, i)
                 join pg_catalog.pg_type t on t.oid = x.oid order by x.i) as "argTypes",
           array(select t.typtype::text from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality x(oid, i)
                 join pg_catalog.pg_type t on t.oid = x.oid order by x.i) as "argTyptypes",
           array(select et.typname from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality x(oid, i)
                 join pg_catalog.pg_type t on t.oid = x.oid
                 left join pg_catalog.pg_type et on et.oid = t.typelem and t.typcategory = 'A' order by x.i) as "argElemTypes",
           pg_catalog.pg_get_functiondef(p.oid) as definition
    from pg_catalog.pg_proc p
    join pg_catalog.pg_namespace n on n.oid = p.pronamespace
    join pg_catalog.pg_type rt on rt.oid = p.prorettype
    left join pg_catalog.pg_type ret on ret.oid = rt.typelem and rt.typcategory = 'A'
    where n.nspname = 'public' and p.prokind = 'f' and rt.typname not in ('trigger', 'event_trigger')
    order by p.proname, p.oid`)).rows.map((row) => {
    const modes = row.argModes ?? row.argTypes.map(() => 'i');
    const all = row.argTypes.map((type, i) => ({
      name: row.argNames?.[i] ?? '',
      type,
      typtype: row.argTyptypes[i]!,
      elemType: row.argElemTypes[i] ?? null,
      mode: modes[i]!,
    }));
    const inputs = all.filter((a) => a.mode === 'i' || a.mode === 'b' || a.mode === 'v');
    const outputs = all.filter((a) => a.mode === 'o' || a.mode === 'b' || a.mode === 't');
    return {
      name: row.name,
      returnsSet: row.returnsSet,
      returnType: row.returnType,
      returnTyptype: row.returnTyptype,
      returnElemType: row.returnElemType,
      definition: row.definition,
      // The last `pronargdefaults` inputs have defaults.
      args: inputs.map((a, i) => ({ name: a.name, type: a.type, typtype: a.typtype, elemType: a.elemType, hasDefault: i >= inputs.length - row.defaults })),
      returnColumns: outputs.length > 0 ? outputs.map((a) => ({ ...a, hasDefault: false })) : null,
    };
  });
  const enums = new Map<string, string[]>();
  for (const row of (await db.query<{ name: string; label: string }>(`
    select t.typname as name, e.enumlabel as label
    from pg_catalog.pg_type t
    join pg_catalog.pg_namespace n on n.oid = t.typnamespace
    join pg_catalog.pg_enum e on e.enumtypid = t.oid
    where n.nspname = 'public' order by t.typname, e.enumsortorder`)).rows) {
    enums.set(row.name, [...(enums.get(row.name) ?? []), row.label]);
  }
  return { tables, views, relationships, functions, enums };
}

/** The TypeScript type `supabase gen types` writes for a PostgreSQL type. */
function tsType(type: string, typtype: string, elemType: string | null, enums: Map<string, string[]>): string {
  if (elemType) return `${tsType(elemType.replace(/^_/, ''), enums.has(elemType) ? 'e' : 'b', null, enums)}[]`;
  if (typtype === 'e' || enums.has(type)) return `Database["public"]["Enums"]["${type}"]`;
  switch (type) {
    case 'bool':
      return 'boolean';
    case 'int2': case 'int4': case 'int8': case 'float4': case 'float8': case 'numeric': case 'oid':
      return 'number';
    case 'json': case 'jsonb':
      return 'Json';
    case 'void':
      return 'undefined';
    case 'record': case 'unknown': case 'anyelement':
      return 'unknown';
    default:
      return 'string';
  }
}

const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));

function render(catalog: Catalog, before: Catalog): string {
  const { enums } = catalog;
  const changedTable = (name: string, cols: Column[]) => {
    const old = before.tables.get(name);
    return !old || old.map((c) => `${c.name}:${c.type}`).join() !== cols.map((c) => `${c.name}:${c.type}`).join();
  };
  const tables = [...catalog.tables].filter(([name, cols]) => changedTable(name, cols));
  const views = [...catalog.views].filter(([name, cols]) =>
    before.views.get(name)?.map((c) => `${c.name}:${c.type}`).join() !== cols.map((c) => `${c.name}:${c.type}`).join());
  const oldFunctions = new Set(before.functions.map((f) => f.definition));
  const functions = catalog.functions.filter((f) => !oldFunctions.has(f.definition));
  const newEnums = [...enums].filter(([name]) => !before.enums.has(name));

  const out: string[] = [];
  const relationships = (table: string, indent: string) => {
    const rels = catalog.relationships.filter((r) => r.table === table);
    if (rels.length === 0) return [`${indent}Relationships: []`];
    return [
      `${indent}Relationships: [`,
      ...rels.flatMap((r) => [
        `${indent}  {`,
        `${indent}    foreignKeyName: "${r.name}"`,
        `${indent}    columns: [${r.columns.map((c) => `"${c}"`).join(', ')}]`,
        `${indent}    isOneToOne: ${r.oneToOne}`,
        `${indent}    referencedRelation: "${r.referenced}"`,
        `${indent}    referencedColumns: [${r.referencedColumns.map((c) => `"${c}"`).join(', ')}]`,
        `${indent}  },`,
      ]),
      `${indent}]`,
    ];
  };
  const colType = (c: Column) => tsType(c.type, c.typtype, c.elemType, enums);

  out.push(
    '// Generated by scripts/generate-database-types.ts from a database migrated with @lead-orders/db:',
    '// do not edit. `npm run generate:types -w packages/sdk` rewrites it after a migration changes.',
    '// The shape of `supabase gen types typescript` for what our migrations add to `public`; merge it',
    '// into your project\'s own generated `Database` (see the README).',
    '',
    'export type Json =',
    '  | string',
    '  | number',
    '  | boolean',
    '  | null',
    '  | { [key: string]: Json | undefined }',
    '  | Json[]',
    '',
    'export type Database = {',
    '  public: {',
    '    Tables: {',
  );
  for (const [name, cols] of tables) {
    out.push(`      ${key(name)}: {`, '        Row: {');
    for (const c of cols) out.push(`          ${key(c.name)}: ${colType(c)}${c.nullable ? ' | null' : ''}`);
    out.push('        }', '        Insert: {');
    for (const c of cols) {
      if (c.generated) out.push(`          ${key(c.name)}?: never`);
      else out.push(`          ${key(c.name)}${c.nullable || c.hasDefault || c.identity ? '?' : ''}: ${colType(c)}${c.nullable ? ' | null' : ''}`);
    }
    out.push('        }', '        Update: {');
    for (const c of cols) out.push(`          ${key(c.name)}?: ${c.generated ? 'never' : `${colType(c)}${c.nullable ? ' | null' : ''}`}`);
    out.push('        }', ...relationships(name, '        '), '      }');
  }
  out.push('    }', '    Views: {');
  for (const [name, cols] of views) {
    out.push(`      ${key(name)}: {`, '        Row: {');
    // A view's columns can always be null as far as the catalog tells (as in `supabase gen types`).
    for (const c of cols) out.push(`          ${key(c.name)}: ${colType(c)} | null`);
    out.push('        }', '        Relationships: []', '      }');
  }
  out.push('    }', '    Functions: {');
  const byName = new Map<string, DatabaseFunction[]>();
  for (const f of functions) byName.set(f.name, [...(byName.get(f.name) ?? []), f]);
  for (const [name, overloads] of byName) {
    const argsOf = (f: DatabaseFunction) =>
      f.args.length === 0 || f.args.every((a) => a.name === '')
        ? 'never'
        : `{ ${f.args.map((a) => `${key(a.name)}${a.hasDefault ? '?' : ''}: ${tsType(a.type, a.typtype, a.elemType, enums)}`).join('; ')} }`;
    const returnsOf = (f: DatabaseFunction) => {
      if (f.returnColumns) return `{ ${f.returnColumns.map((a) => `${key(a.name)}: ${tsType(a.type, a.typtype, a.elemType, enums)}`).join('; ')} }[]`;
      const table = catalog.tables.get(f.returnType) ?? catalog.views.get(f.returnType);
      if (table && f.returnTyptype === 'c') return `Database["public"]["Tables"]["${f.returnType}"]["Row"]${f.returnsSet ? '[]' : ''}`;
      return `${tsType(f.returnType, f.returnTyptype, f.returnElemType, enums)}${f.returnsSet ? '[]' : ''}`;
    };
    const args = [...new Set(overloads.map(argsOf))];
    out.push(`      ${key(name)}: {`, `        Args: ${args.join(' | ')}`, `        Returns: ${[...new Set(overloads.map(returnsOf))].join(' | ')}`, '      }');
  }
  out.push('    }', '    Enums: {');
  for (const [name, labels] of newEnums) out.push(`      ${key(name)}: ${labels.map((l) => `"${l}"`).join(' | ')}`);
  out.push(
    '    }',
    '    CompositeTypes: {',
    '      [_ in never]: never',
    '    }',
    '  }',
    '}',
    '',
    'type PublicSchema = Database["public"]',
    '',
    '/** A table\'s row: `Tables<"orders">`. */',
    'export type Tables<T extends keyof PublicSchema["Tables"]> = PublicSchema["Tables"][T]["Row"]',
    '/** What an insert into a table takes: `TablesInsert<"orders">`. */',
    'export type TablesInsert<T extends keyof PublicSchema["Tables"]> = PublicSchema["Tables"][T]["Insert"]',
    '/** What an update of a table takes: `TablesUpdate<"orders">`. */',
    'export type TablesUpdate<T extends keyof PublicSchema["Tables"]> = PublicSchema["Tables"][T]["Update"]',
    '/** An enum\'s values: `Enums<"order_status">`. */',
    'export type Enums<T extends keyof PublicSchema["Enums"]> = PublicSchema["Enums"][T]',
    '',
  );
  return out.join('\n');
}

/** The text of src/database.types.ts for the migrations as they are now. */
export async function renderDatabaseTypes(): Promise<string> {
  const pglite = new PGlite();
  try {
    await pglite.exec(supabaseFixtureSql);
    await pglite.exec(agencyFixtureSql);
    const before = await readCatalog(pglite);
    await applyMigrations(fromPglite(pglite), migrations);
    return render(await readCatalog(pglite), before);
  } finally {
    await pglite.close();
  }
}
