import { z } from 'zod';

/**
 * A union that runs only the member a value can match, where the members make that plain: the one
 * array member for an array; for an object, the one object member (a record, say), or the member
 * named by the object's one operator key when each object member has its own required first key
 * (`{"answer": …}`, `{"==": […]}`, `{"page": …}`). It has the same JSON Schema as `z.union`.
 *
 * A plain union tries every member in turn and builds issues for each one that fails, which was
 * most of the cost of parsing a questionnaire: expressions have 30 forms. Only the chosen member
 * can accept the value (every other member refuses its kind, lacks a required key it has, or
 * has none), so this accepts exactly what the plain union accepts. When the chosen member fails,
 * or no member is plainly the one, the plain union runs instead, so invalid values get the same
 * issues as before.
 */
export const ZodDispatchUnion: z.core.$constructor<z.ZodUnion> = z.core.$constructor(
  'ZodDispatchUnion',
  (inst, def) => {
    z.ZodUnion.init(inst, def);
    const everyMember = inst._zod.parse;
    let members: Members | undefined;
    inst._zod.parse = (payload, ctx) => {
      members ??= membersOf(def.options);
      const value = payload.value;
      const member = Array.isArray(value)
        ? members.array
        : typeof value === 'object' && value !== null
          ? (members.object ?? (members.byKey && memberByKey(members.byKey, value as Record<string, unknown>)))
          : undefined;
      if (member) {
        const result = member._zod.run({ value, issues: [] }, ctx);
        if (!(result instanceof Promise) && result.issues.length === 0) return result;
      }
      return everyMember(payload, ctx);
    };
  },
);

/** A union of `options` that parses only the member a value can match (see ZodDispatchUnion). */
export function dispatchUnion<const T extends readonly z.core.SomeType[]>(options: T): z.ZodUnion<T> {
  const union = new ZodDispatchUnion({ type: 'union', options: options as unknown as z.core.$ZodType[] });
  return union as unknown as z.ZodUnion<T>;
}

interface Members {
  array?: z.core.$ZodType;
  /** The only member that takes objects. */
  object?: z.core.$ZodType;
  /** Object members by their required first key, when every object member has a distinct one. */
  byKey?: Map<string, z.core.$ZodType>;
}

const PRIMITIVES = new Set(['string', 'number', 'boolean', 'null', 'literal', 'enum']);

/** What kind of value a member takes; `other` when it cannot be told from its definition. */
function kindOf(option: z.core.$ZodType): 'primitive' | 'array' | 'object' | 'record' | 'other' {
  const def = option._zod.def;
  if (PRIMITIVES.has(def.type)) return 'primitive';
  if (def.type === 'array' || def.type === 'object' || def.type === 'record') return def.type;
  if (def.type === 'union') {
    return (def as z.core.$ZodUnionDef).options.every((o) => kindOf(o) === 'primitive') ? 'primitive' : 'other';
  }
  return 'other';
}

function membersOf(options: readonly z.core.$ZodType[]): Members {
  const kinds = options.map((option) => [option, kindOf(option)] as const);
  // A member whose kind is unknown might take anything: then every value goes to the plain union.
  if (kinds.some(([, kind]) => kind === 'other')) return {};
  const arrays = kinds.filter(([, kind]) => kind === 'array').map(([option]) => option);
  const objects = kinds.filter(([, kind]) => kind === 'object' || kind === 'record').map(([option]) => option);
  const members: Members = arrays.length === 1 ? { array: arrays[0] } : {};
  if (objects.length === 1) return { ...members, object: objects[0] };
  const byKey = new Map<string, z.core.$ZodType>();
  for (const option of objects) {
    const def = option._zod.def;
    const [key] = def.type === 'object' ? Object.keys((def as z.core.$ZodObjectDef).shape) : [];
    const first = key === undefined ? undefined : (def as z.core.$ZodObjectDef).shape[key];
    if (key === undefined || !first || first._zod.optin === 'optional' || byKey.has(key)) return members;
    byKey.set(key, option);
  }
  return { ...members, byKey };
}

/** The member named by the value's one operator key; none when it has no operator key or several. */
function memberByKey(byKey: Map<string, z.core.$ZodType>, value: Record<string, unknown>) {
  let found: z.core.$ZodType | undefined;
  for (const key in value) {
    const member = byKey.get(key);
    if (!member) continue;
    if (found) return undefined;
    found = member;
  }
  return found;
}
