// First: configures zod before any contract schema parses.
import './zodConfig.ts';
import { createRoot } from 'react-dom/client';
import { createApiClient, createTransport } from './api/index.ts';
import { Root } from './app/Root.tsx';
import { sectionFromHash } from './sections.ts';
import { connectStores, createStores } from './stores/connectStores.ts';
import { connectContexts } from './stores/connectContexts.ts';
import { createContextsStore } from './stores/contextsStore.ts';
import { createNavigationStore } from './stores/navigationStore.ts';
import { createReportsStore } from './stores/reportsStore.ts';
import { deliverFile } from './reports/deliverFile.ts';
import './styles/theme.css';
import './styles/shell.css';
import './styles/sections.css';
import './styles/table.css';
import './styles/reports.css';
import './styles/settings.css';

const transport = createTransport();
const api = createApiClient(transport);
const base = createStores();
const stores = {
  ...base,
  api,
  navigation: createNavigationStore(sectionFromHash(window.location.hash)),
  reports: createReportsStore({ api, deliver: (file) => deliverFile(file) }),
  // Another cluster's nodes must not linger under the new one's name while it connects.
  contexts: createContextsStore({ api, onSwitch: () => base.nodes.getState().reset() }),
};
connectStores(api, transport, stores);
connectContexts(api, transport, stores.contexts);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(<Root stores={stores} />);
