import { ConnectionIndicator } from '../components/ConnectionIndicator.tsx';
import { ContextPicker } from '../components/ContextPicker.tsx';
import { Banners } from '../components/Banners.tsx';
import { NavBar } from '../components/NavBar.tsx';
import { ActionsSection } from '../sections/ActionsSection.tsx';
import { NodesSection } from '../sections/NodesSection.tsx';
import { OverviewSection } from '../sections/OverviewSection.tsx';
import { PlaceholderSection } from '../sections/PlaceholderSection.tsx';
import { PlacementSection } from '../sections/PlacementSection.tsx';
import { ReportsSection } from '../sections/ReportsSection.tsx';
import { ScalingSection } from '../sections/ScalingSection.tsx';
import { ModelSection } from '../sections/ModelSection.tsx';
import { RiskSection } from '../risk/RiskSection.tsx';
import { SettingsSection } from '../sections/SettingsSection.tsx';
import type { SectionId } from '../sections.ts';
import { useConnection, useNavigation } from './storesContext.ts';

function Section({ id }: { id: SectionId }) {
  switch (id) {
    case 'overview':
      return <OverviewSection />;
    case 'nodes':
      return <NodesSection />;
    case 'risk':
      return <RiskSection />;
    case 'model':
      return <ModelSection />;
    case 'placement':
      return <PlacementSection />;
    case 'scaling':
      return <ScalingSection />;
    case 'reports':
      return <ReportsSection />;
    case 'actions':
      return <ActionsSection />;
    case 'settings':
      return <SettingsSection />;
    default:
      return <PlaceholderSection section={id} />;
  }
}

/** The shell: header with the connection, banners, the section nav and the current section. */
export function App() {
  const section = useNavigation((state) => state.section);
  // With the host link down nothing on screen updates; dim it so nobody mistakes it for live data.
  const stale = useConnection((state) => state.link.state === 'down');
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Foresight
        </span>
        <span className="topbar-right">
          <ContextPicker />
          <ConnectionIndicator />
        </span>
      </header>
      <Banners />
      <div className="body">
        <NavBar />
        <main className={stale ? 'main main-stale' : 'main'}>
          <Section id={section} />
        </main>
      </div>
    </div>
  );
}
