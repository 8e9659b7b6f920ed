// The store reaches components through context, so tests and the CLI inject their own.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { BoardState } from '../store/types.js';

const StoreContext = createContext<StoreApi<BoardState> | null>(null);

export function StoreProvider({ store, children }: { store: StoreApi<BoardState>; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useBoardStore(): StoreApi<BoardState> {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useBoard outside StoreProvider');
  return store;
}

/** Read the store through a selector; re-renders only when the selected value changes. */
export function useBoard<T>(selector: (s: BoardState) => T): T {
  return useStore(useBoardStore(), selector);
}
