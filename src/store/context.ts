/**
 * The store travels through React context (xyflow's habit), so every test and every page gets its own store.
 * `useAppStore(selector)` subscribes a component to the smallest slice it needs.
 */
import { createContext, createElement, type ReactNode, useContext } from 'react';
import { type StoreApi, useStore } from 'zustand';
import type { AppState } from './AppState';

export type AppStore = StoreApi<AppState>;

const StoreContext = createContext<AppStore | null>(null);

export function AppStoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return createElement(StoreContext.Provider, { value: store }, children);
}

/** The store itself (for actions called from event handlers without subscribing). */
export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('useAppStore: no AppStoreProvider above this component');
  return store;
}

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}
