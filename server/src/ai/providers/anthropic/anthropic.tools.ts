import type Anthropic from '@anthropic-ai/sdk';
import type { StructuredOutput, ToolDefinition } from '../../ai.model';
import { outputJsonSchema, safeName } from '../shared/json-schema';

export interface PreparedAnthropicTools {
  tools?: Anthropic.Tool[];
  toolChoice?: Anthropic.ToolChoice;
  /** Name of the forced tool that carries structured output, if any. */
  outputToolName?: string;
}

/**
 * Structured output rides on a forced tool: the tool's input schema is the
 * output schema, and the model must call it. This works on every Claude model
 * and on Anthropic-compatible gateways, unlike the newer `output_config`.
 */
export function prepareAnthropicTools(
  tools: ToolDefinition[] | undefined,
  output: StructuredOutput | undefined,
): PreparedAnthropicTools {
  const prepared: Anthropic.Tool[] = (tools ?? []).map((tool) => ({
    name: tool.name,
    description: tool.description,
    input_schema: tool.parameters as Anthropic.Tool.InputSchema,
  }));
  if (!output) return prepared.length > 0 ? { tools: prepared } : {};

  const schema = outputJsonSchema(output);
  if (schema.type !== 'object') {
    throw new TypeError(`Structured output "${output.name}" must be a JSON object schema (a z.object).`);
  }
  const outputToolName = safeName(output.name);
  prepared.push({
    name: outputToolName,
    description: output.description ?? 'Give your final answer as the input of this tool.',
    input_schema: schema as Anthropic.Tool.InputSchema,
  });
  return { tools: prepared, toolChoice: { type: 'tool', name: outputToolName }, outputToolName };
}
