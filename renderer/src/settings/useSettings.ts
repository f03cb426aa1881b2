import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useSectionStore } from '../app/storesContext.ts';
import { createSettingsStore, type SettingsState } from '../stores/settingsStore.ts';

/** The Settings section's store (made on first use) and a selection of its state. */
export function useSettings<T>(selector: (state: SettingsState) => T): T {
  return useStore(useSectionStore('settings', createSettingsStore), selector);
}

/** Loads the settings once when the section opens. */
export function useLoadSettings(): void {
  const load = useSettings((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);
}
