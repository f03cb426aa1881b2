import { StrictMode } from 'react';
import { App } from './App.tsx';
import { StoresContext, type AppStores } from './storesContext.ts';
import { useHashNavigation } from './useHashNavigation.ts';

export function Root({ stores }: { stores: AppStores }) {
  useHashNavigation(stores.navigation);
  return (
    <StrictMode>
      <StoresContext value={stores}>
        <App />
      </StoresContext>
    </StrictMode>
  );
}
