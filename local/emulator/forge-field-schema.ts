/**
 * How Jira checks a value of a Forge `object` custom field against the `schema` its manifest declares ("the JSON
 * schema that is used to validate values stored in the field", Forge's jira:customField reference). Only the
 * keywords our manifest uses: type (object / array / string), properties, required, additionalProperties: false,
 * maxItems, maxLength. The first problem found is returned as one sentence naming the property.
 */
export type FieldSchema = {
  type?: 'object' | 'array' | 'string';
  properties?: Record<string, FieldSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: FieldSchema;
  maxItems?: number;
  maxLength?: number;
};

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const plural = (n: number, one: string) => `${n.toLocaleString('en-US')} ${one}${n === 1 ? '' : 's'}`;

export function schemaProblem(value: unknown, schema: FieldSchema, path = 'The value'): string | undefined {
  switch (schema.type) {
    case 'object': {
      if (!isObj(value)) return `${path} must be an object.`;
      for (const k of schema.required ?? []) if (value[k] === undefined) return `${path} needs ${k}.`;
      for (const [k, v] of Object.entries(value)) {
        const sub = schema.properties?.[k];
        if (!sub) {
          if (schema.additionalProperties === false) return `${path} has an unknown property ${k}.`;
          continue;
        }
        const problem = schemaProblem(v, sub, k);
        if (problem) return problem;
      }
      return undefined;
    }
    case 'array': {
      if (!Array.isArray(value)) return `${path} must be a list.`;
      if (schema.maxItems !== undefined && value.length > schema.maxItems) return `${path} has ${plural(value.length, 'item')}; at most ${schema.maxItems} are allowed.`;
      if (!schema.items) return undefined;
      for (let i = 0; i < value.length; i++) {
        const problem = schemaProblem(value[i], schema.items, `${path} item ${i + 1}`);
        if (problem) return problem;
      }
      return undefined;
    }
    case 'string':
      if (typeof value !== 'string') return `${path} must be text.`;
      if (schema.maxLength !== undefined && value.length > schema.maxLength) return `${path} is ${plural(value.length, 'character')} long; at most ${plural(schema.maxLength, 'character')} are allowed.`;
      return undefined;
    default:
      return undefined;
  }
}
