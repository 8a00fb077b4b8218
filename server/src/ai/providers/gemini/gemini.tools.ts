import type { GenerateContentConfig, Tool } from '@google/genai';
import type { StructuredOutput, ToolDefinition } from '../../ai.model';
import { outputJsonSchema } from '../shared/json-schema';

export function prepareGeminiTools(tools: ToolDefinition[] | undefined): Tool[] | undefined {
  if (!tools || tools.length === 0) return undefined;
  return [
    {
      // parametersJsonSchema takes plain JSON Schema, unlike the OpenAPI-subset `parameters`.
      functionDeclarations: tools.map((tool) => ({
        name: tool.name,
        description: tool.description,
        parametersJsonSchema: tool.parameters,
      })),
    },
  ];
}

export function prepareGeminiOutput(
  output: StructuredOutput | undefined,
): Pick<GenerateContentConfig, 'responseMimeType' | 'responseJsonSchema'> {
  if (!output) return {};
  return { responseMimeType: 'application/json', responseJsonSchema: outputJsonSchema(output) };
}
