import { randomUUID } from 'node:crypto';
import { type GenerateContentResponse, type GenerateContentResponseUsageMetadata, GoogleGenAI } from '@google/genai';
import type { AdapterOptions, ChatRequest, FetchFunction, ProviderAdapter, StreamPart, Usage } from '../../ai.model';
import { emptyUsage } from '../../ai.model';
import { streamEndedEarly } from '../shared/provider-error.mapper';
import type { HeaderReader } from '../shared/retry-after';
import { mapGeminiError } from './gemini.error';
import { mapGeminiFinishReason } from './gemini.finish-reason';
import { convertToGeminiContents } from './gemini.prompt';
import { prepareGeminiOutput, prepareGeminiTools } from './gemini.tools';

export function createGeminiAdapter(options: AdapterOptions): ProviderAdapter {
  const client = new GoogleGenAI({
    apiKey: options.apiKey,
    // Explicit, so GOOGLE_GENAI_USE_VERTEXAI in the environment cannot switch backends.
    vertexai: false,
    // v1beta carries the features we use (responseJsonSchema, parametersJsonSchema,
    // thought signatures); SDK 3 defaults to v1. No retryOptions: the SDK then
    // makes exactly one attempt and the router does the retrying.
    httpOptions: { apiVersion: 'v1beta', ...(options.baseURL && { baseUrl: options.baseURL }) },
  });
  const baseFetch: FetchFunction = options.fetch ?? ((input, init) => fetch(input, init));
  return { id: 'gemini', stream: (model, request) => streamGemini(client, baseFetch, model, request) };
}

function mapUsage(metadata: GenerateContentResponseUsageMetadata): Usage {
  return {
    inputTokens: (metadata.promptTokenCount ?? 0) + (metadata.toolUsePromptTokenCount ?? 0),
    // Thinking tokens are billed as output.
    outputTokens: (metadata.candidatesTokenCount ?? 0) + (metadata.thoughtsTokenCount ?? 0),
    cachedInputTokens: metadata.cachedContentTokenCount ?? 0,
  };
}

async function* streamGemini(
  client: GoogleGenAI,
  baseFetch: FetchFunction,
  model: string,
  request: ChatRequest,
): AsyncGenerator<StreamPart> {
  // A per-call fetch hook keeps the failed response's headers for Retry-After.
  let errorHeaders: HeaderReader | undefined;
  const capturingFetch: FetchFunction = async (input, init) => {
    const response = await baseFetch(input, init);
    if (!response.ok) errorHeaders = response.headers;
    return response;
  };

  // Our own controller, because the SDK releases the body reader on early exit without cancelling it.
  const local = new AbortController();
  const signal = request.signal ? AbortSignal.any([request.signal, local.signal]) : local.signal;
  const tools = prepareGeminiTools(request.tools);
  let stream: AsyncGenerator<GenerateContentResponse>;
  try {
    stream = await client.models.generateContentStream({
      model,
      contents: convertToGeminiContents(request),
      config: {
        ...(request.system && { systemInstruction: request.system }),
        ...(tools && { tools }),
        ...prepareGeminiOutput(request.output),
        ...(request.temperature !== undefined && { temperature: request.temperature }),
        ...(request.maxOutputTokens !== undefined && { maxOutputTokens: request.maxOutputTokens }),
        automaticFunctionCalling: { disable: true },
        automaticContinuation: false,
        abortSignal: signal,
        httpOptions: { fetch: capturingFetch },
      },
    });
  } catch (error) {
    throw mapGeminiError(error, errorHeaders);
  }

  let finishReason: string | undefined;
  let usage = emptyUsage();
  let toolCalls = 0;
  let ended = false;
  try {
    while (true) {
      let next: IteratorResult<GenerateContentResponse>;
      try {
        next = await stream.next();
      } catch (error) {
        throw mapGeminiError(error, errorHeaders);
      }
      if (next.done) break;
      const chunk = next.value;
      if (chunk.usageMetadata) usage = mapUsage(chunk.usageMetadata);
      if (chunk.promptFeedback?.blockReason) {
        // The prompt itself was blocked: no candidates will follow.
        finishReason = 'PROHIBITED_CONTENT';
        ended = true;
      }
      const candidate = chunk.candidates?.[0];
      if (!candidate) continue;
      for (const part of candidate.content?.parts ?? []) {
        if (part.thought) continue;
        if (part.text) yield { type: 'text-delta', text: part.text };
        if (part.functionCall?.name) {
          toolCalls++;
          yield {
            type: 'tool-call',
            // Older Gemini models send no id; other vendors need one to pair the result.
            id: part.functionCall.id ?? `call_${randomUUID().replaceAll('-', '').slice(0, 24)}`,
            name: part.functionCall.name,
            args: part.functionCall.args ?? {},
            ...(part.thoughtSignature && { providerMetadata: { gemini: { thoughtSignature: part.thoughtSignature } } }),
          };
        }
      }
      if (candidate.finishReason) {
        finishReason = candidate.finishReason;
        ended = true;
      }
    }
  } finally {
    await stream.return(undefined);
    local.abort();
  }

  if (!ended) throw streamEndedEarly('gemini', request.signal);
  yield { type: 'finish', finishReason: mapGeminiFinishReason(finishReason, toolCalls > 0), usage };
}
