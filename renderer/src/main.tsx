// First: configures zod before any contract schema parses.
import './zodConfig.ts';
import { createRoot } from 'react-dom/client';
import { createApiClient, createTransport } from './api/index.ts';
import { Root } from './app/Root.tsx';
import { sectionFromHash } from './sections.ts';
import { connectStores, createStores } from './stores/connectStores.ts';
import { createNavigationStore } from './stores/navigationStore.ts';
import { createReportsStore } from './stores/reportsStore.ts';
import { deliverFile } from './reports/deliverFile.ts';
import './styles/theme.css';
import './styles/shell.css';
import './styles/sections.css';
import './styles/table.css';
import './styles/reports.css';

const transport = createTransport();
const api = createApiClient(transport);
const stores = {
  ...createStores(),
  navigation: createNavigationStore(sectionFromHash(window.location.hash)),
  reports: createReportsStore({ api, deliver: (file) => deliverFile(file) }),
};
connectStores(api, transport, stores);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(<Root stores={stores} />);
