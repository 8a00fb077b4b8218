import type { ChatCompletionTool, ResponseFormatJSONSchema } from 'openai/resources';
import type { JsonSchema, StructuredOutput, ToolDefinition } from '../../ai.model';
import { outputJsonSchema, safeName } from '../shared/json-schema';

export function prepareOpenAiTools(tools: ToolDefinition[] | undefined): ChatCompletionTool[] | undefined {
  if (!tools || tools.length === 0) return undefined;
  return tools.map((tool) => ({
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: tool.parameters },
  }));
}

export function prepareOpenAiResponseFormat(
  output: StructuredOutput | undefined,
): ResponseFormatJSONSchema | undefined {
  if (!output) return undefined;
  const schema = outputJsonSchema(output);
  return {
    type: 'json_schema',
    json_schema: {
      name: safeName(output.name),
      description: output.description,
      schema,
      // Strict mode guarantees the shape but only accepts schemas where every
      // property is required and no extra ones are allowed; otherwise we rely on zod.
      strict: isStrictCompatible(schema),
    },
  };
}

export function isStrictCompatible(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.every(isStrictCompatible);
  if (!schema || typeof schema !== 'object') return true;
  const node = schema as JsonSchema;
  if (node.type === 'object' || node.properties) {
    const properties = Object.keys((node.properties as JsonSchema | undefined) ?? {});
    const required = new Set((node.required as string[] | undefined) ?? []);
    if (node.additionalProperties !== false) return false;
    if (!properties.every((key) => required.has(key))) return false;
  }
  return Object.values(node).every((value) => typeof value !== 'object' || isStrictCompatible(value));
}
