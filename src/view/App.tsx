/**
 * The explorer page, one screen from 1280×720 up: the header, the time bar, what the page has to say, then the
 * live pipeline diagram with the settings beside it. Motion follows the system's prefers-reduced-motion.
 */
import { MotionConfig } from 'framer-motion';
import { MetricChartsPanel } from './charts/MetricChartsPanel';
import { ComparePanel } from './compare/ComparePanel';
import { ConfigPanel } from './controls/ConfigPanel';
import { FaultsPanel } from './controls/FaultsPanel';
import { ProminentControls } from './controls/ProminentControls';
import { ScenarioPanel } from './controls/ScenarioPanel';
import { StatusArea } from './controls/StatusArea';
import { TimeBar } from './controls/TimeBar';
import { PipelineDiagram } from './diagram/PipelineDiagram';
import { EventLog } from './eventlog/EventLog';
import { Header } from './header/Header';
import { usePagePreferences } from './header/usePagePreferences';
import { InspectorPanel } from './inspect/InspectorPanel';
import { PickPanel } from './inspect/PickPanel';

export function App() {
  usePagePreferences();
  return (
    <MotionConfig reducedMotion="user">
      <div className="app">
        <Header />
        <TimeBar />
        <StatusArea />
        <div className="workspace">
          <main className="stage-area" aria-label="producer pipeline">
            <PipelineDiagram />
          </main>
          <aside className="settings" aria-label="settings">
            <InspectorPanel />
            <ProminentControls />
            <PickPanel />
            <ScenarioPanel />
            <FaultsPanel />
            <EventLog />
            <ComparePanel />
            <ConfigPanel />
          </aside>
        </div>
        <MetricChartsPanel />
      </div>
    </MotionConfig>
  );
}
