import { createStore, type StoreApi } from 'zustand/vanilla';
import type { NodeRisk, ResultOf, RiskEvent, RiskModelInfo } from '../../../core/contract/index.ts';
import { describeFailure } from '../api/apiError.ts';
import type { ApiClient } from '../api/client.ts';

const STREAM_LENGTH = 300;

export type NodeRiskDetail = ResultOf<'risk.node'>;

export interface RiskState {
  /** Latest risk per node. */
  risks: Record<string, NodeRisk>;
  at: number | null;
  /** The live stream, oldest first. */
  events: RiskEvent[];
  model: RiskModelInfo | null;
  modelError: string | null;
  detail: NodeRiskDetail | null;
  detailError: string | null;
  training: boolean;
  trainResult: string | null;
  feedbackGiven: Record<string, 'useful' | 'false-alarm'>;
  feedbackError: string | null;
  /** The node whose page is open on the Risk section. */
  selected: string | null;
  select(node: string | null): void;
  applyRisks(at: number, risks: readonly NodeRisk[]): void;
  addEvent(event: RiskEvent): void;
  refresh(): Promise<void>;
  loadModel(): Promise<void>;
  loadNode(node: string): Promise<void>;
  giveFeedback(node: string, at: number, verdict: 'useful' | 'false-alarm'): Promise<void>;
  train(): Promise<void>;
}

export const feedbackKey = (node: string, at: number) => `${node}@${at}`;

/**
 * Node risk in the UI: every node's latest risk and the live event stream (pushed), the node
 * page and the Model page (asked for), and the operator's feedback. Made on first use; it
 * subscribes to the risk events itself.
 */
export function createRiskStore(api: Pick<ApiClient, 'call' | 'on'>): StoreApi<RiskState> {
  const store = createStore<RiskState>()((set, get) => ({
    risks: {},
    at: null,
    events: [],
    model: null,
    modelError: null,
    detail: null,
    detailError: null,
    training: false,
    trainResult: null,
    feedbackGiven: {},
    feedbackError: null,
    selected: null,
    select: (selected) => set({ selected }),
    applyRisks(at, risks) {
      set({ at, risks: Object.fromEntries(risks.map((r) => [r.node, r])) });
    },
    addEvent(event) {
      const events = [...get().events, event];
      set({ events: events.length > STREAM_LENGTH ? events.slice(-STREAM_LENGTH) : events });
    },
    async refresh() {
      try {
        const [nodes, stream] = await Promise.all([api.call('risk.nodes', {}), api.call('risk.events', {})]);
        if (nodes.at !== null) get().applyRisks(nodes.at, nodes.risks);
        set({ events: stream.events });
      } catch {
        // Risk arrives with the next collection anyway; the table simply shows no badge until then.
      }
    },
    async loadModel() {
      try {
        set({ model: await api.call('risk.model', {}), modelError: null });
      } catch (error) {
        set({ modelError: describeFailure(error) });
      }
    },
    async loadNode(node) {
      try {
        const detail = await api.call('risk.node', { node, since: Date.now() - 24 * 3_600_000 });
        set({ detail, detailError: null });
      } catch (error) {
        set({ detailError: describeFailure(error) });
      }
    },
    async giveFeedback(node, at, verdict) {
      try {
        await api.call('risk.feedback', { node, at, verdict });
        set({
          feedbackGiven: { ...get().feedbackGiven, [feedbackKey(node, at)]: verdict },
          feedbackError: null,
        });
      } catch (error) {
        set({ feedbackError: describeFailure(error) });
      }
    },
    async train() {
      set({ training: true, trainResult: null });
      try {
        const result = await api.call('risk.train', {});
        set({ trainResult: result.reason });
        await get().loadModel();
      } catch (error) {
        set({ trainResult: describeFailure(error) });
      } finally {
        set({ training: false });
      }
    },
  }));
  api.on('nodeRisks', ({ at, risks }) => store.getState().applyRisks(at, risks));
  api.on('riskEvent', (event) => store.getState().addEvent(event));
  void store.getState().refresh();
  return store;
}
