import { useStore } from 'zustand';
import { useSectionStore } from '../app/storesContext.ts';
import { createPlacementStore, type PlacementState } from '../stores/placementStore.ts';

/** The Placement page's store, made on first use; the Overview reads its node advice too. */
export function usePlacement<T>(selector: (state: PlacementState) => T): T {
  return useStore(
    useSectionStore('placement', (api) => createPlacementStore(api)),
    selector,
  );
}
