/**
 * Which stage's explanation is showing. A tiny store of its own, so hovering a stage re-renders the tooltip layer
 * and nothing else; stages reach it through StageTipContext with the diagram's id prefix.
 */
import { createContext, useContext } from 'react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { StageId } from './layout';

export interface TipState {
  readonly active: StageId | null;
  show(id: StageId): void;
  hide(id: StageId): void;
}

export function createTipStore(): StoreApi<TipState> {
  return createStore<TipState>()((set, get) => ({
    active: null,
    show: (id) => set({ active: id }),
    hide: (id) => {
      if (get().active === id) set({ active: null });
    },
  }));
}

export interface StageTips {
  readonly store: StoreApi<TipState>;
  /** Unique per diagram, for the ids aria-describedby points at. */
  readonly idPrefix: string;
}

export const StageTipContext = createContext<StageTips | null>(null);

export function useStageTips(): StageTips {
  const tips = useContext(StageTipContext);
  if (tips === null) throw new Error('useStageTips: no StageTipContext above this stage');
  return tips;
}

export function tipId(idPrefix: string, stage: StageId): string {
  return `${idPrefix}-tip-${stage}`;
}
