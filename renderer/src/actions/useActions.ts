import { useStore } from 'zustand';
import { useSectionStore } from '../app/storesContext.ts';
import { createActionsStore, type ActionsState } from '../stores/actionsStore.ts';

/** The actions store, shared by the Nodes page buttons, the dialog and the Actions page. */
export function useActions<T>(selector: (state: ActionsState) => T): T {
  return useStore(
    useSectionStore('actions', (api) => createActionsStore(api)),
    selector,
  );
}
