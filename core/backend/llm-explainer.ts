import {
  defaultLlmModel,
  type LlmExplanation,
  type LlmSettingsUpdate,
  type LlmSettingsView,
  type ScalingAdviceInfo,
} from '../contract/index.ts';
import { explainWithLlm } from '../scaling/llm/llm-explanation.ts';
import type { SecretStore } from '../secrets/secret-store.ts';
import { readSettings, writeSettings } from './settings.ts';

export interface LlmExplainerOptions {
  dataDir: string;
  secrets: SecretStore;
  /**
   * Default: $ANTHROPIC_BASE_URL (as Anthropic's own SDKs read it: a gateway or proxy), else
   * https://api.anthropic.com. Tests point it at a local server.
   */
  baseUrl?: string;
  timeoutMs?: number;
}

/**
 * The backend's side of the optional LLM explanations: the on/off switch and the model live in
 * settings.json, the key only in the secret store. The key is read from the store when a request
 * is made and never leaves this process except in the API call's x-api-key header.
 */
export function createLlmExplainer(options: LlmExplainerOptions) {
  const baseUrl = options.baseUrl ?? (process.env.ANTHROPIC_BASE_URL || undefined);
  const settings = () => {
    const saved = readSettings(options.dataDir);
    return { enabled: saved.llmEnabled ?? false, model: saved.llmModel ?? defaultLlmModel };
  };
  return {
    async view(): Promise<LlmSettingsView> {
      return {
        ...settings(),
        keySet: (await options.secrets.get('anthropic-api-key')) !== undefined,
        keyStorage: options.secrets.persistence(),
      };
    },
    async update(change: LlmSettingsUpdate): Promise<void> {
      if (change.clearKey) await options.secrets.delete('anthropic-api-key');
      if (change.apiKey !== undefined) await options.secrets.set('anthropic-api-key', change.apiKey);
      if (change.enabled !== undefined || change.model !== undefined) {
        writeSettings(options.dataDir, {
          ...(change.enabled === undefined ? {} : { llmEnabled: change.enabled }),
          ...(change.model === undefined ? {} : { llmModel: change.model }),
        });
      }
    },
    async explain(advice: ScalingAdviceInfo): Promise<LlmExplanation> {
      const { enabled, model } = settings();
      return explainWithLlm(advice, {
        enabled,
        model,
        // Only asked for when it will be used.
        apiKey: enabled ? await options.secrets.get('anthropic-api-key') : undefined,
        ...(baseUrl === undefined ? {} : { baseUrl }),
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      });
    },
  };
}

export type LlmExplainer = ReturnType<typeof createLlmExplainer>;
