import { createStore, type StoreApi } from 'zustand/vanilla';
import { defaultSection, type SectionId } from '../sections.ts';

export interface NavigationState {
  section: SectionId;
  show(section: SectionId): void;
}

export function createNavigationStore(initial: SectionId = defaultSection): StoreApi<NavigationState> {
  return createStore<NavigationState>()((set) => ({
    section: initial,
    show: (section) => set({ section }),
  }));
}

export type NavigationStore = StoreApi<NavigationState>;
